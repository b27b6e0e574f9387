using System.Text;

namespace DanY.Documents.Intake;

/// <summary>Makes untrusted text safe to store and to write into XML parts.</summary>
public static class TextSanitizer
{
    /// <summary>
    /// NFC, without control characters (tab and line breaks kept as line breaks or spaces), without
    /// lone surrogates, trimmed. Hostile text stays text; it is only made well-formed.
    /// </summary>
    public static string Clean(string? text, bool keepLineBreaks = true)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
                continue;
            }
            if (char.IsLowSurrogate(c)) continue;
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') continue;
                c = '\n';
            }
            if (c == '\n')
            {
                sb.Append(keepLineBreaks ? '\n' : ' ');
                continue;
            }
            if (c == '\t')
            {
                sb.Append(' ');
                continue;
            }
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF' or '\uFEFF') continue;
            sb.Append(c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC).Trim();
    }

    /// <summary>Collapses every run of white space to one space (the form used for content hashes).</summary>
    public static string CollapseWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
