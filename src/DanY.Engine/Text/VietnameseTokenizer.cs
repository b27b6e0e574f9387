using System.Globalization;

namespace DanY.Engine.Text;

/// <summary>What a token is: the synthesis keeps words, masks numbers, and uses links and phone numbers as spam evidence.</summary>
public enum TokenKind
{
    Word,
    Number,
    Url,
    Email,
    Phone,
    Emoticon,
    Punctuation,
}

/// <summary>A token as a slice of the text it came from.</summary>
public readonly record struct Token(TokenKind Kind, int Start, int Length)
{
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}

/// <summary>
/// Splits Vietnamese text into syllables, numbers (dates, amounts, codes), links, e-mail addresses,
/// phone numbers, emoticons and punctuation. Works on any Unicode form; syllables keep their
/// characters (normalise or fold before or after, as needed).
/// </summary>
public static class VietnameseTokenizer
{
    public static List<Token> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens);
        return tokens;
    }

    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int end;
            if ((end = MatchUrl(text, i)) > i)
            {
                tokens.Add(new Token(TokenKind.Url, i, end - i));
            }
            else if ((end = MatchEmail(text, i)) > i)
            {
                tokens.Add(new Token(TokenKind.Email, i, end - i));
            }
            else if ((end = MatchPhone(text, i)) > i)
            {
                tokens.Add(new Token(TokenKind.Phone, i, end - i));
            }
            else if ((end = MatchEmoticon(text, i)) > i)
            {
                tokens.Add(new Token(TokenKind.Emoticon, i, end - i));
            }
            else if (char.IsDigit(c))
            {
                end = MatchNumber(text, i, tokens);
            }
            else if (IsLetter(c))
            {
                end = MatchWord(text, i);
                tokens.Add(new Token(TokenKind.Word, i, end - i));
            }
            else
            {
                end = MatchPunctuation(text, i);
                tokens.Add(new Token(TokenKind.Punctuation, i, end - i));
            }
            i = end;
        }
    }

    // Modifier letters (ʺ, ʹ) are quote look-alikes in Vietnamese text, not parts of words.
    internal static bool IsLetter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark => true,
        _ => false,
    };

    private static bool IsAsciiAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    private static int MatchUrl(ReadOnlySpan<char> s, int i)
    {
        int j = i;
        while (j < s.Length && char.IsAsciiLetter(s[j])) j++;
        bool scheme = j > i && j + 2 < s.Length && s[j] == ':' && s[j + 1] == '/' && s[j + 2] == '/';
        bool www = s[i..].StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (scheme || www)
        {
            int end = i;
            while (end < s.Length && !char.IsWhiteSpace(s[end])) end++;
            while (end > i && s[end - 1] is '.' or ',' or ';' or ')' or '!' or '?' or '"' or ':') end--;
            return end;
        }
        // Bare domains (google.com, mp3.zing.vn/abc): ASCII labels, the last one lower-case letters.
        if (!IsAsciiAlnum(s[i])) return i;
        int k = i, labels = 0, lastLabelStart = i;
        while (true)
        {
            int start = k;
            while (k < s.Length && (IsAsciiAlnum(s[k]) || s[k] == '-')) k++;
            if (k == start) return i;
            labels++;
            lastLabelStart = start;
            if (k + 1 < s.Length && s[k] == '.' && IsAsciiAlnum(s[k + 1])) { k++; continue; }
            break;
        }
        if (k < s.Length && IsLetter(s[k])) return i; // a non-ASCII letter follows: not a domain
        if (labels < 2) return i;
        var tld = s[lastLabelStart..k];
        if (tld.Length < 2 || tld.Length > 6) return i;
        foreach (char c in tld)
        {
            if (c is < 'a' or > 'z') return i;
        }
        // "tp.hcm", "v.v" are abbreviations: a bare name is a domain when its last label is a common
        // top-level domain or a path follows.
        bool path = k < s.Length && s[k] == '/';
        if (!path && !CommonTopLevelDomains.Contains(tld.ToString())) return i;
        if (path)
        {
            while (k < s.Length && !char.IsWhiteSpace(s[k])) k++;
            while (k > i && s[k - 1] is '.' or ',' or ';' or ')') k--;
        }
        return k;
    }

    private static readonly HashSet<string> CommonTopLevelDomains = new(StringComparer.Ordinal)
    {
        "com", "net", "org", "vn", "info", "biz", "edu", "gov", "io", "co", "me", "xyz", "online", "site", "top", "club",
        "shop", "store", "app", "dev", "tv", "us", "uk", "cn", "jp", "kr", "ru", "de", "fr", "asia", "link", "live", "click",
        "pro", "vip", "fun", "win", "bet", "cc", "ly", "to", "gl", "gg", "ai", "mobi", "name", "tk", "ml", "ga", "cf",
    };

    private static int MatchEmail(ReadOnlySpan<char> s, int i)
    {
        int j = i;
        while (j < s.Length && (IsAsciiAlnum(s[j]) || s[j] is '.' or '_' or '-' or '+')) j++;
        if (j == i || j >= s.Length || s[j] != '@') return i;
        int k = j + 1, dots = 0;
        while (k < s.Length && (IsAsciiAlnum(s[k]) || s[k] is '.' or '-'))
        {
            if (s[k] == '.') dots++;
            k++;
        }
        while (k > j + 1 && s[k - 1] == '.') { k--; dots--; }
        return dots > 0 ? k : i;
    }

    // Vietnamese phone numbers: 0 or +84 then 8-10 more digits, possibly grouped by spaces, dots or dashes.
    private static int MatchPhone(ReadOnlySpan<char> s, int i)
    {
        int j = i;
        if (s[j] == '+') j++;
        if (j >= s.Length || !char.IsAsciiDigit(s[j])) return i;
        if (s[j] != '0' && !(s[i] == '+' && s[j..].StartsWith("84", StringComparison.Ordinal))) return i;
        int digits = 0, end = j;
        while (j < s.Length)
        {
            if (char.IsAsciiDigit(s[j])) { digits++; j++; end = j; continue; }
            if (s[j] is ' ' or '.' or '-' && j + 1 < s.Length && char.IsAsciiDigit(s[j + 1]) && digits > 0) { j++; continue; }
            break;
        }
        if (end < s.Length && IsLetter(s[end])) return i;
        return digits is >= 9 and <= 12 ? end : i;
    }

    private static int MatchEmoticon(ReadOnlySpan<char> s, int i)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length)
        {
            int end = i + 2;
            // Keep variation selectors and joiners with the pictograph.
            while (end < s.Length && (s[end] is '\uFE0F' or '\u200D' || char.IsSurrogate(s[end]))) end++;
            return end;
        }
        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol && c >= '\u2600') return i + 1;
        if (c == '<' && i + 1 < s.Length && s[i + 1] == '3') return i + 2;
        if (c == '^' && i + 1 < s.Length && s[i + 1] == '^') return RunOf(s, i, '^');
        if (c is ':' or ';' or '=')
        {
            int j = i + 1;
            if (j < s.Length && s[j] is '-' or '\'') j++;
            if (j < s.Length && s[j] is ')' or '(' or 'D' or 'P' or 'p' or 'v' or 'V' or '3' or 'd' or 'o' or 'O' or '|' or '*' or '<' or '>')
            {
                char mouth = s[j];
                int end = RunOf(s, j, mouth);
                // ":)" must not be the start of a word (":Dân"), nor ":3" a time (10:30).
                if (end < s.Length && IsLetter(s[end]) && char.IsLetter(mouth)) return i;
                if (i > 0 && char.IsDigit(s[i - 1])) return i;
                return end;
            }
        }
        return i;
    }

    private static int RunOf(ReadOnlySpan<char> s, int i, char c)
    {
        while (i < s.Length && s[i] == c) i++;
        return i;
    }

    // Numbers with their separators stay whole (24.000, 6/2/2014, 08:41:40, 100,000,000, 49X-6666);
    // a ranges of years (2010-2015) and a unit glued to an amount (140.000đ, 1.600m, 20%) are split.
    private static int MatchNumber(ReadOnlySpan<char> s, int i, List<Token> tokens)
    {
        int j = i;
        bool code = false;
        while (true)
        {
            int groupStart = j;
            while (j < s.Length && char.IsDigit(s[j])) j++;
            // Codes such as 53S5 or 49X: letters followed by digits, or a short letter tail before a dash.
            int letters = j;
            while (letters < s.Length && char.IsAsciiLetter(s[letters])) letters++;
            bool upperTail = letters > j && char.IsUpper(s[j]) && letters - j <= 2 && (letters >= s.Length || !IsLetter(s[letters]));
            if (letters > j && ((letters < s.Length && char.IsDigit(s[letters])) || upperTail))
            {
                j = letters;
                code = true;
                continue;
            }
            if (j + 1 < s.Length && s[j] is '.' or ',' or '/' or ':' or '-' && char.IsDigit(s[j + 1]))
            {
                if (s[j] == '-' && j - groupStart == 4 && CountDigits(s, j + 1) == 4) break;
                j++;
                continue;
            }
            break;
        }
        tokens.Add(new Token(code ? TokenKind.Word : TokenKind.Number, i, j - i));
        return j;
    }

    private static int CountDigits(ReadOnlySpan<char> s, int i)
    {
        int n = 0;
        while (i + n < s.Length && char.IsDigit(s[i + n])) n++;
        return n;
    }

    // Syllables, with joined names (Moscow-Washington, F-16, E&C, H'Lũ) and initials or
    // abbreviations carrying their dot (T.T.M., UBND. before more text).
    private static int MatchWord(ReadOnlySpan<char> s, int i)
    {
        int j = i;
        while (true)
        {
            while (j < s.Length && (IsLetter(s[j]) || char.IsDigit(s[j]))) j++;
            if (j + 1 < s.Length && s[j] is '-' or '&' or '\'' && (IsLetter(s[j + 1]) || (char.IsDigit(s[j + 1]) && char.IsUpper(s[i]))))
            {
                j++;
                continue;
            }
            if (j < s.Length && s[j] == '.' && IsInitials(s[i..j]))
            {
                // "T.T.M." and "L.ANH": a dot inside or after initials; "TP. HCM", "UBND. HĐND": a dot after an
                // abbreviation that is followed by more text. A dot that ends the text closes the sentence.
                if (j + 1 < s.Length && IsLetter(s[j + 1])) { j++; continue; }
                if (j + 1 < s.Length) return j + 1;
                if (s[i..j].Contains('.')) return j + 1;
                return j;
            }
            if (j + 3 < s.Length && s[j] == '.' && s[(j + 1)..].StartsWith("v...", StringComparison.Ordinal) && s[i..j].SequenceEqual("v"))
            {
                return j + 5;
            }
            return j;
        }
    }

    private static bool IsInitials(ReadOnlySpan<char> s)
    {
        // Every letter upper-case (HĐND, T.T.M, L.ANH).
        bool any = false;
        foreach (char c in s)
        {
            if (c == '.') continue;
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c)) return false;
                any = true;
            }
        }
        return any;
    }

    private static int MatchPunctuation(ReadOnlySpan<char> s, int i)
    {
        char c = s[i];
        if (c == '.') return RunOf(s, i, '.');
        if (c is '=' or '>' or '<' or '-')
        {
            int j = i;
            while (j < s.Length && s[j] is '=' or '>' or '<' or '-') j++;
            // "==>" is one arrow, a lone "-" one dash.
            return j;
        }
        if (char.IsHighSurrogate(c) && i + 1 < s.Length) return i + 2;
        return i + 1;
    }
}
