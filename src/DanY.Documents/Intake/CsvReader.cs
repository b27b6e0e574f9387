using System.Text;

namespace DanY.Documents.Intake;

/// <summary>
/// RFC 4180 reading as spreadsheets write it here: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// Windows-1258 from older Vietnamese Excel; comma, semicolon (vi-VN Excel) or tab delimited, chosen
/// from the header line; quoted fields may hold delimiters, quotes and line breaks.
/// </summary>
internal static class CsvReader
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Strict(Encoding.UTF8, bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Strict(Encoding.Unicode, bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Strict(Encoding.BigEndianUnicode, bytes[2..]);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1258).GetString(bytes).Normalize(NormalizationForm.FormC);
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            Encoding strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            return strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentRejectedException(RejectionReason.BadEncoding,
                "Tệp CSV có ký tự không đọc được (sai bảng mã).", "The CSV file has undecodable characters (wrong encoding).", ex);
        }
    }

    public static IEnumerable<IReadOnlyList<string>> Records(string text)
    {
        char delimiter = DetectDelimiter(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && field.Length == 0)
            {
                quoted = true;
                any = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                any = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                yield return fields.ToArray();
                fields.Clear();
                any = false;
            }
            else
            {
                field.Append(c);
                any = true;
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    private static char DetectDelimiter(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        ReadOnlySpan<char> header = end < 0 ? text : text.AsSpan(0, end);
        int commas = 0, semicolons = 0, tabs = 0;
        bool quoted = false;
        foreach (char c in header)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (tabs > commas && tabs > semicolons) return '\t';
        return semicolons > commas ? ';' : ',';
    }
}
