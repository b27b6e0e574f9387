using DanY.Engine.Text;

namespace DanY.Engine.Synthesis;

/// <summary>A comment cut into folded syllables, clauses and sentences, with character spans back into the original.</summary>
internal sealed class AnalysedText
{
    public required ulong[] Tokens { get; init; }

    /// <summary>Token index where each clause starts; one extra entry = Tokens.Length.</summary>
    public required int[] ClauseStarts { get; init; }

    /// <summary>Sentence number of each clause.</summary>
    public required int[] ClauseSentence { get; init; }

    /// <summary>Character span (start, end) of each clause in the original text.</summary>
    public required int[] ClauseSpans { get; init; }

    public required ulong[] ClauseKeys { get; init; }

    public int Words { get; init; }

    public int Letters { get; init; }

    public bool HasLink { get; init; }

    public bool HasPhone { get; init; }

    /// <summary>Written with Vietnamese diacritics (preferred when quoting).</summary>
    public bool HasDiacritics { get; init; }

    public int ClauseCount => ClauseStarts.Length - 1;

    public ReadOnlySpan<ulong> ClauseTokens(int clause) => Tokens.AsSpan(ClauseStarts[clause], ClauseStarts[clause + 1] - ClauseStarts[clause]);
}

internal static class TextAnalysis
{
    /// <summary>Every number is one token: amounts, years and percentages vary between copies of the same point.</summary>
    public static readonly ulong NumberToken = StableHash.Chars("<number>");

    // Per-thread scratch lists: analysis runs once per distinct text, in parallel.
    [ThreadStatic]
    private static List<Token>? TokenScratch;

    [ThreadStatic]
    private static List<ulong>? WordScratch;

    public static AnalysedText Analyse(string text)
    {
        var tokens = TokenScratch ??= new List<Token>(256);
        tokens.Clear();
        VietnameseTokenizer.Tokenize(text, tokens);
        var words = WordScratch ??= new List<ulong>(256);
        words.Clear();
        var clauseStarts = new List<int> { 0 };
        var clauseSentence = new List<int> { 0 };
        var spans = new List<int> { -1, -1 };
        int sentence = 0, wordCount = 0, letters = 0;
        bool link = false, phone = false;
        Span<char> buffer = stackalloc char[64];
        int previousEnd = 0;
        bool pendingSentence = false, pendingClause = false;

        void Break(bool newSentence)
        {
            if (words.Count == clauseStarts[^1])
            {
                // Empty clause: only upgrade it to a sentence start.
                if (newSentence && words.Count > 0) pendingSentence = true;
                return;
            }
            clauseStarts.Add(words.Count);
            if (newSentence) sentence++;
            clauseSentence.Add(sentence);
            spans.Add(-1);
            spans.Add(-1);
        }

        foreach (var token in tokens)
        {
            if (text.AsSpan(previousEnd, token.Start - previousEnd).Contains('\n')) pendingSentence = true;
            previousEnd = token.Start + token.Length;
            switch (token.Kind)
            {
                case TokenKind.Word:
                case TokenKind.Number:
                    if (pendingSentence || pendingClause)
                    {
                        Break(pendingSentence);
                        pendingSentence = pendingClause = false;
                    }
                    if (token.Kind == TokenKind.Number)
                    {
                        words.Add(NumberToken);
                    }
                    else
                    {
                        var slice = text.AsSpan(token.Start, token.Length);
                        Span<char> folded = slice.Length <= buffer.Length ? buffer : new char[slice.Length];
                        int n = VietnameseText.FoldInto(slice, folded);
                        words.Add(StableHash.Chars(folded[..n]));
                        wordCount++;
                        letters += n;
                    }
                    int ci = spans.Count - 2;
                    if (spans[ci] < 0) spans[ci] = token.Start;
                    spans[ci + 1] = token.Start + token.Length;
                    break;
                case TokenKind.Url:
                case TokenKind.Email:
                    link = true;
                    break;
                case TokenKind.Phone:
                    phone = true;
                    break;
                case TokenKind.Emoticon:
                    break;
                case TokenKind.Punctuation:
                    char p = text[token.Start];
                    if (p is '.' or '!' or '?' or '…') pendingSentence = true;
                    else if (p is ',' or ';' or ':' or '(' or ')' or '[' or ']') pendingClause = true;
                    break;
            }
        }
        // A trailing empty clause opened by a break that never got a word is not added, by construction.
        clauseStarts.Add(words.Count);
        if (words.Count == 0)
        {
            clauseStarts.Clear();
            clauseStarts.Add(0);
            clauseSentence.Clear();
            spans.Clear();
        }
        var tokenArray = words.ToArray();
        int clauses = clauseStarts.Count - 1;
        var keys = new ulong[clauses];
        for (int c = 0; c < clauses; c++)
        {
            keys[c] = StableHash.Sequence(tokenArray.AsSpan(clauseStarts[c], clauseStarts[c + 1] - clauseStarts[c]));
        }
        return new AnalysedText
        {
            Tokens = tokenArray,
            ClauseStarts = clauseStarts.ToArray(),
            ClauseSentence = clauseSentence.ToArray(),
            ClauseSpans = spans.ToArray(),
            ClauseKeys = keys,
            Words = wordCount,
            Letters = letters,
            HasLink = link,
            HasPhone = phone,
            HasDiacritics = text.AsSpan().ContainsAnyInRange('\u00C0', '\u1EF9'),
        };
    }
}
