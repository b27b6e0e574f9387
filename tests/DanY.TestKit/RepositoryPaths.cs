namespace DanY.TestKit;

/// <summary>Locates the repository and the shared folder beside it, from wherever a test runs.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DanY.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("DanY.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>`../shared` beside the repository (MISSION.md, data/, bench/).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>Where tests leave screenshots and documents for people to look at (git-ignored).</summary>
    public static string Artifacts(string kind)
    {
        string path = Path.Combine(Root, "artifacts", kind);
        Directory.CreateDirectory(path);
        return path;
    }
}
