using System.Text;

namespace DanY.Cli.Csv;

/// <summary>RFC 4180 writer: UTF-8 without BOM, CRLF between records, quotes only where needed.</summary>
public sealed class CsvWriter : IDisposable
{
    private readonly TextWriter _writer;

    public CsvWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    public static CsvWriter Create(string path) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));

    public void WriteRecord(params ReadOnlySpan<string> fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) _writer.Write(',');
            WriteField(fields[i]);
        }
        _writer.Write("\r\n");
    }

    private void WriteField(string? field)
    {
        if (string.IsNullOrEmpty(field)) return;
        bool quote = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]);
        if (!quote)
        {
            _writer.Write(field);
            return;
        }
        _writer.Write('"');
        _writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
