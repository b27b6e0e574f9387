using System.Runtime.CompilerServices;

namespace DanY.Documents.Tests.Plans;

/// <summary>Test data is read from the source tree, so the project file needs no copy rules.</summary>
internal static class TestFiles
{
    public static string PlansFolder([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "TestData", "plans");

    /// <summary>../shared/seeds beside the repository, or null when this checkout has none.</summary>
    public static string? SeedsFolder([CallerFilePath] string here = "")
    {
        string folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "..", "shared", "seeds"));
        return Directory.Exists(folder) ? folder : null;
    }
}
