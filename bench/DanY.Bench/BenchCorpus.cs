using System.Globalization;
using System.Text;
using DanY.Engine.Synthesis;

namespace DanY.Bench;

/// <summary>Loads the benchmark corpus once (a minimal RFC 4180 reader: the CLI's is not a library).</summary>
internal static class BenchCorpus
{
    private static List<CommentInput>? _comments;

    public static List<CommentInput> Comments => _comments ??= Load();

    private static List<CommentInput> Load()
    {
        string path = Environment.GetEnvironmentVariable("DANY_BENCH_COMMENTS") ?? FindDefault();
        string all = File.ReadAllText(path, Encoding.UTF8);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < all.Length; i++)
        {
            char c = all[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < all.Length && all[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        var header = rows[0];
        int Col(string name) => header.IndexOf(name);
        int id = Col("id"), section = Col("section_ref"), unit = Col("unit_code"), channel = Col("channel"), group = Col("group"), at = Col("submitted_at"), text = Col("text");
        return rows.Skip(1).Where(r => r.Count == header.Count).Select(r => new CommentInput(r[id], r[section], r[unit], r[channel], r[group], null,
            DateTimeOffset.Parse(r[at], CultureInfo.InvariantCulture), r[text])).ToList();
    }

    private static string FindDefault()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "out", "c10k", "comments.csv");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("bench/out/c10k/comments.csv not found: python3 ../shared/bench/gencorpus.py --n 10000 --seed 7 --out bench/out/c10k");
    }
}
