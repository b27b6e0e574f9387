using System.Globalization;
using System.Runtime.CompilerServices;
using DanY.Engine.Text;

namespace DanY.Engine.Classification;

/// <summary>
/// Turns a comment into 64-bit feature keys (hashes of syllable n-grams, folded syllables and
/// character n-grams). The top bit of a key is its block: 0 words, 1 characters. Not thread-safe:
/// one instance per thread.
/// </summary>
internal sealed class TextFeaturizer
{
    /// <summary>Longer texts are cut here: a comment is never this long, and hostile input stays cheap.</summary>
    internal const int MaxChars = 20_000;

    internal const ulong CharBlockBit = 1UL << 63;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    // Namespace salts keep "a" the unigram apart from "a" the character n-gram.
    private const ulong NsWord1 = 0x1A2B3C4D5E6F7081UL;
    private const ulong NsWord2 = 0x2B3C4D5E6F708192UL;
    private const ulong NsWord3 = 0x3C4D5E6F708192A3UL;
    private const ulong NsWord4 = 0x4D5E6F708192A3B4UL;
    private const ulong NsFold1 = 0x5E6F708192A3B4C5UL;
    private const ulong NsFold2 = 0x6F708192A3B4C5D6UL;
    private const ulong NsChar = 0x708192A3B4C5D6E7UL;

    private static readonly char[] FoldTable = BuildFoldTable();

    private readonly FeatureOptions _options;
    private char[] _chars = new char[512];
    private char[] _folded = new char[512];
    private int[] _start = new int[128];
    private int[] _length = new int[128];
    private bool[] _isWord = new bool[128];
    private ulong[] _wordHash = new ulong[128];
    private ulong[] _foldHash = new ulong[128];

    public TextFeaturizer(FeatureOptions options)
    {
        _options = options;
    }

    /// <summary>Appends the keys of <paramref name="text"/> (with repeats) to <paramref name="keys"/>.</summary>
    public void Extract(string text, KeyBuffer keys)
    {
        keys.Clear();
        int tokens = Tokenize(text);
        if (tokens == 0) return;
        var o = _options;

        for (int t = 0; t < tokens; t++)
        {
            _wordHash[t] = Hash(_chars.AsSpan(_start[t], _length[t]));
            _foldHash[t] = Hash(_folded.AsSpan(_start[t], _length[t]));
        }

        if (o.WordNgramMax >= 1)
        {
            for (int t = 0; t < tokens; t++) keys.Add(Key(_wordHash[t], NsWord1, 0));
        }
        if (o.WordNgramMax >= 2)
        {
            for (int t = 0; t + 1 < tokens; t++) keys.Add(Key(Combine(_wordHash[t], _wordHash[t + 1]), NsWord2, 0));
        }
        if (o.WordNgramMax >= 3)
        {
            for (int t = 0; t + 2 < tokens; t++)
                keys.Add(Key(Combine(Combine(_wordHash[t], _wordHash[t + 1]), _wordHash[t + 2]), NsWord3, 0));
        }
        if (o.WordNgramMax >= 4)
        {
            for (int t = 0; t + 3 < tokens; t++)
                keys.Add(Key(Combine(Combine(Combine(_wordHash[t], _wordHash[t + 1]), _wordHash[t + 2]), _wordHash[t + 3]), NsWord4, 0));
        }
        if (o.FoldedWords)
        {
            for (int t = 0; t < tokens; t++) keys.Add(Key(_foldHash[t], NsFold1, 0));
            for (int t = 0; t + 1 < tokens; t++) keys.Add(Key(Combine(_foldHash[t], _foldHash[t + 1]), NsFold2, 0));
        }
        if (o.CharNgramMax > 0)
        {
            char[] source = o.CharOnFolded ? _folded : _chars;
            for (int t = 0; t < tokens; t++)
            {
                if (!_isWord[t]) continue;
                AddCharNgrams(source.AsSpan(_start[t], _length[t]), o.CharNgramMin, o.CharNgramMax, keys);
            }
        }
    }

    private static void AddCharNgrams(ReadOnlySpan<char> token, int min, int max, KeyBuffer keys)
    {
        // The token padded with one space on each side, so that n-grams see word starts and ends.
        int padded = token.Length + 2;
        for (int s = 0; s < padded; s++)
        {
            ulong h = FnvOffset;
            int limit = Math.Min(max, padded - s);
            for (int n = 1; n <= limit; n++)
            {
                int p = s + n - 1;
                char c = p == 0 || p == padded - 1 ? ' ' : token[p - 1];
                h = (h ^ c) * FnvPrime;
                if (n >= min && !(n == 1 && c == ' ')) keys.Add(Key(h, NsChar, CharBlockBit));
            }
        }
    }

    /// <summary>Splits normalised, lower-cased text into syllables and symbols; returns the count.</summary>
    private int Tokenize(string text)
    {
        string s = VietnameseText.Normalize(text.Length > MaxChars ? text[..MaxChars] : text).ToLowerInvariant();
        EnsureChars(s.Length + 2);
        int pos = 0, tokens = 0, i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (IsWordChar(c))
            {
                int start = pos;
                char prev = '\0';
                int run = 0;
                while (i < s.Length && IsWordChar(s[i]))
                {
                    char ch = s[i++];
                    run = ch == prev ? run + 1 : 1;
                    prev = ch;
                    // Elongations ("quáááá", "hayyyy") collapse to one letter; doubled letters stay.
                    if (run == 3) { pos--; continue; }
                    if (run > 3) continue;
                    _chars[pos] = ch;
                    _folded[pos] = Fold(ch);
                    pos++;
                }
                AddToken(ref tokens, start, pos - start, isWord: true);
            }
            else if (char.IsWhiteSpace(c) || IsIgnorable(c))
            {
                i++;
            }
            else
            {
                int len = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                int start = pos;
                for (int k = 0; k < len; k++)
                {
                    _chars[pos] = s[i + k];
                    _folded[pos] = s[i + k];
                    pos++;
                }
                i += len;
                // "!!!!" and "😂😂😂" say the same as one; the count is not worth a feature.
                while (i + len <= s.Length && s.AsSpan(i, len).SequenceEqual(_chars.AsSpan(start, len))) i += len;
                AddToken(ref tokens, start, len, isWord: false);
            }
        }
        return tokens;
    }

    private void AddToken(ref int tokens, int start, int length, bool isWord)
    {
        if (length == 0) return;
        if (tokens == _start.Length)
        {
            int size = tokens * 2;
            Array.Resize(ref _start, size);
            Array.Resize(ref _length, size);
            Array.Resize(ref _isWord, size);
            Array.Resize(ref _wordHash, size);
            Array.Resize(ref _foldHash, size);
        }
        _start[tokens] = start;
        _length[tokens] = length;
        _isWord[tokens] = isWord;
        tokens++;
    }

    private void EnsureChars(int size)
    {
        if (_chars.Length >= size) return;
        _chars = new char[size];
        _folded = new char[size];
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c > 0x7F && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);

    // Zero-width joiners, variation selectors and control characters carry no meaning here.
    private static bool IsIgnorable(char c) =>
        char.IsControl(c) || (c > 0x7F && (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || c is >= '\uFE00' and <= '\uFE0F'));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Fold(char c) => c < FoldTable.Length ? FoldTable[c] : c;

    // VietnameseText.Fold applied once per character, so that folding a token is a table look-up.
    private static char[] BuildFoldTable()
    {
        var table = new char[0x1F00];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = (char)c;
            if (c is >= 0xD800 and <= 0xDFFF) continue;
            string folded = VietnameseText.Fold(((char)c).ToString());
            if (folded.Length == 1) table[c] = folded[0];
        }
        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (char c in s) h = (h ^ c) * FnvPrime;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Combine(ulong a, ulong b) => Mix((a * 0x9E3779B97F4A7C15UL) ^ b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(ulong hash, ulong ns, ulong block)
    {
        ulong k = Mix(hash ^ ns) & ~CharBlockBit;
        if (k == 0) k = 1; // 0 marks an empty slot in the feature table
        return k | block;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}

/// <summary>A growable array of feature keys, reused between documents.</summary>
internal sealed class KeyBuffer
{
    private ulong[] _items = new ulong[1024];

    public int Count { get; private set; }

    public Span<ulong> Span => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong key)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = key;
    }
}
