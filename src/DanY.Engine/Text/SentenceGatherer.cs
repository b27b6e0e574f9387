using System.Text;

namespace DanY.Engine.Text;

/// <summary>Sentences that say the same thing, with every source that wrote them.</summary>
/// <param name="Sentence">The first wording met, as written.</param>
/// <param name="Sources">The sources that wrote it, in the order met, each once.</param>
public sealed record GatheredSentence(string Sentence, IReadOnlyList<string> Sources);

/// <summary>
/// Gathers the sentences of a few dozen short texts (situation reports of child units) when they say
/// the same thing: identical once folded, or most of their word pairs shared. Small inputs only; the
/// synthesis engine is the tool for thousands of comments.
/// </summary>
public static class SentenceGatherer
{
    /// <summary>Share of word pairs (Jaccard) above which two sentences count as the same.</summary>
    public const double DefaultThreshold = 0.6;

    public static IReadOnlyList<GatheredSentence> Gather(IEnumerable<(string Source, string Text)> texts, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var groups = new List<(string Sentence, HashSet<string> Pairs, List<string> Sources)>();
        foreach (var (source, text) in texts)
        {
            foreach (string sentence in Sentences(text))
            {
                var pairs = WordPairs(sentence);
                var match = groups.FirstOrDefault(g => Jaccard(g.Pairs, pairs) >= threshold);
                if (match.Sources is null)
                {
                    groups.Add((sentence, pairs, [source]));
                }
                else if (!match.Sources.Contains(source, StringComparer.Ordinal))
                {
                    match.Sources.Add(source);
                }
            }
        }
        return groups.Select(g => new GatheredSentence(g.Sentence, g.Sources)).ToList();
    }

    /// <summary>Sentences and list items of a text, without their bullets.</summary>
    public static IEnumerable<string> Sentences(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        var current = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || ((c is '.' or ';' or '!' or '?') && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                string s = current.ToString().Trim().TrimStart('-', '+', '*', ' ');
                if (s.Length > 3) yield return s;
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        string last = current.ToString().Trim().TrimStart('-', '+', '*', ' ');
        if (last.Length > 3) yield return last;
    }

    private static HashSet<string> WordPairs(string sentence)
    {
        var words = VietnameseText.Fold(sentence).Split([' ', ',', ';', ':', '(', ')', '"', '.'], StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) set.Add(i + 1 < words.Length ? words[i] + " " + words[i + 1] : words[i]);
        return set;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        int shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
