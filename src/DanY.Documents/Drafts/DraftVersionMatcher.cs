using System.Globalization;
using System.Text;

namespace DanY.Documents.Drafts;

/// <summary>How a section of the old version relates to its match in the new one.</summary>
public enum SectionChange
{
    /// <summary>Same reference, same heading and text.</summary>
    Unchanged,

    /// <summary>Same reference, heading or text edited.</summary>
    Changed,

    /// <summary>Found under another reference (renumbered or moved), possibly edited too.</summary>
    Moved,
}

/// <summary>An old section and the new section its comments follow.</summary>
public sealed record SectionMatch(string OldRef, string NewRef, SectionChange Change, bool TextChanged, double Similarity);

/// <summary>The result of matching two versions of a draft.</summary>
public sealed record DraftDiff(IReadOnlyList<SectionMatch> Matches, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>Where comments on <paramref name="oldRef"/> belong in the new version; null when the section was removed.</summary>
    public string? MapOldRef(string oldRef) =>
        Matches.FirstOrDefault(m => string.Equals(m.OldRef, oldRef, StringComparison.Ordinal))?.NewRef;
}

/// <summary>
/// Matches the sections of two versions of a draft so that comments stay with their text when
/// sections are renumbered, moved or edited. Each pair is scored by word overlap of the heading and
/// of the section's own paragraphs (diacritics and case folded), with a small bonus for an
/// unchanged reference; pairs are taken greedily from the best score down.
/// </summary>
public static class DraftVersionMatcher
{
    private const double SameRefBonus = 0.1;

    /// <param name="oldVersion">The version comments were made on.</param>
    /// <param name="newVersion">The version they must move to.</param>
    /// <param name="threshold">Lowest score (0–1) that still counts as the same section.</param>
    /// <param name="fold">Text folding; pass <c>VietnameseText.Fold</c> from the engine for the canonical one.</param>
    public static DraftDiff Match(DraftOutline oldVersion, DraftOutline newVersion, double threshold = 0.45, Func<string, string>? fold = null)
    {
        ArgumentNullException.ThrowIfNull(oldVersion);
        ArgumentNullException.ThrowIfNull(newVersion);
        fold ??= HeadingNumbering.FoldAscii;
        Profile[] olds = oldVersion.Flatten().Select((s, i) => new Profile(s, i, fold)).ToArray();
        Profile[] news = newVersion.Flatten().Select((s, i) => new Profile(s, i, fold)).ToArray();

        var candidates = new List<(double Score, double Sim, Profile Old, Profile New)>();
        foreach (Profile o in olds)
        {
            foreach (Profile n in news)
            {
                double sim = Similarity(o, n);
                bool sameRef = string.Equals(o.Section.Ref, n.Section.Ref, StringComparison.Ordinal);
                double score = sim + (sameRef ? SameRefBonus : 0);
                if (score >= threshold) candidates.Add((score, sim, o, n));
            }
        }
        candidates.Sort((a, b) =>
        {
            int c = b.Score.CompareTo(a.Score);
            if (c != 0) return c;
            c = a.Old.Order.CompareTo(b.Old.Order);
            return c != 0 ? c : a.New.Order.CompareTo(b.New.Order);
        });

        var usedOld = new HashSet<int>();
        var usedNew = new HashSet<int>();
        var matches = new List<SectionMatch>();
        foreach (var (_, sim, o, n) in candidates)
        {
            if (usedOld.Contains(o.Order) || usedNew.Contains(n.Order)) continue;
            usedOld.Add(o.Order);
            usedNew.Add(n.Order);
            bool textChanged = !string.Equals(o.Exact, n.Exact, StringComparison.Ordinal);
            SectionChange change = !string.Equals(o.Section.Ref, n.Section.Ref, StringComparison.Ordinal)
                ? SectionChange.Moved
                : textChanged ? SectionChange.Changed : SectionChange.Unchanged;
            matches.Add(new SectionMatch(o.Section.Ref, n.Section.Ref, change, textChanged, Math.Round(sim, 3)));
        }
        var oldOrder = olds.ToDictionary(p => p.Section.Ref, p => p.Order, StringComparer.Ordinal);
        matches.Sort((a, b) => oldOrder[a.OldRef].CompareTo(oldOrder[b.OldRef]));
        string[] added = news.Where(n => !usedNew.Contains(n.Order)).Select(n => n.Section.Ref).ToArray();
        string[] removed = olds.Where(o => !usedOld.Contains(o.Order)).Select(o => o.Section.Ref).ToArray();
        return new DraftDiff(matches, added, removed);
    }

    private static double Similarity(Profile a, Profile b)
    {
        double title = Dice(a.TitleWords, b.TitleWords);
        if (a.BodyShingles.Count == 0 && b.BodyShingles.Count == 0) return title;
        double body = Dice(a.BodyShingles, b.BodyShingles);
        return (0.35 * title) + (0.65 * body);
    }

    private static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        if (a.Count == 0 || b.Count == 0) return 0;
        int common = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }

    private sealed class Profile
    {
        public Profile(DraftSection section, int order, Func<string, string> fold)
        {
            Section = section;
            Order = order;
            string body = string.Join(" ", section.Paragraphs.Select(p => p.Text));
            Exact = section.Title + "\n" + body;
            TitleWords = [.. Words(fold(section.Title))];
            string[] words = Words(fold(body));
            BodyShingles = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < words.Length; i++)
            {
                BodyShingles.Add(i + 1 < words.Length ? words[i] + " " + words[i + 1] : words[i]);
            }
        }

        public DraftSection Section { get; }

        public int Order { get; }

        public string Exact { get; }

        public HashSet<string> TitleWords { get; }

        public HashSet<string> BodyShingles { get; }

        private static string[] Words(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (char c in text) sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
            return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.ToLower(CultureInfo.InvariantCulture)).ToArray();
        }
    }
}
