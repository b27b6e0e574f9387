using System.Globalization;
using System.Text;

namespace DanY.Cli.Csv;

/// <summary>A CSV file that breaks RFC 4180 or the reader's limits; the message is in Vietnamese and English.</summary>
public sealed class CsvFormatException : Exception
{
    public CsvFormatException() { }

    public CsvFormatException(string message) : base(message) { }

    public CsvFormatException(string message, Exception inner) : base(message, inner) { }

    public CsvFormatException(string message, long line) : base(message)
    {
        Line = line;
    }

    /// <summary>1-based physical line where the problem was found (0 when unknown).</summary>
    public long Line { get; }
}

/// <summary>
/// Streaming RFC 4180 reader: comma-separated, fields optionally in double quotes with "" for a quote,
/// line breaks (CRLF, LF or CR) allowed inside quotes, records ended by CRLF or LF. Strict UTF-8
/// (a UTF-8 byte-order mark is skipped). A bare quote inside an unquoted field is kept as a literal
/// character, as spreadsheet exports do; anything else malformed is an error with its line number.
/// </summary>
public sealed class CsvReader : IDisposable
{
    /// <summary>Longest field accepted, in characters: a guard against hostile or wrong files.</summary>
    public const int DefaultMaxFieldLength = 1 << 20;

    private readonly TextReader _reader;
    private readonly int _maxFieldLength;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private long _line = 1;

    public CsvReader(TextReader reader, int maxFieldLength = DefaultMaxFieldLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _maxFieldLength = maxFieldLength;
    }

    /// <summary>Physical line (1-based) at which the last record returned began.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Opens a file as strict UTF-8.</summary>
    public static CsvReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new CsvReader(new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true));
    }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at end of input.</summary>
    public bool ReadRecord(List<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        if (Peek() < 0) return false;
        RecordLine = _line;
        while (true)
        {
            _field.Clear();
            int c = Peek();
            if (c == '"')
            {
                long quoteLine = _line;
                Advance();
                while (true)
                {
                    c = Read();
                    if (c < 0)
                    {
                        throw new CsvFormatException(
                            $"Tệp CSV lỗi: dấu ngoặc kép mở ở dòng {quoteLine} không được đóng. / Malformed CSV: the quote opened on line {quoteLine} is never closed.",
                            quoteLine);
                    }
                    if (c == '"')
                    {
                        if (Peek() != '"') break;
                        Advance();
                    }
                    else if (c == '\n' || (c == '\r' && Peek() != '\n'))
                    {
                        _line++;
                    }
                    Append((char)c);
                }
                c = Peek();
                if (c != ',' && c != '\r' && c != '\n' && c >= 0)
                {
                    throw new CsvFormatException(
                        $"Tệp CSV lỗi ở dòng {_line}: có ký tự sau dấu ngoặc kép đóng. / Malformed CSV on line {_line}: a character follows a closing quote.",
                        _line);
                }
            }
            else
            {
                while (true)
                {
                    c = Peek();
                    if (c < 0 || c == ',' || c == '\r' || c == '\n') break;
                    Advance();
                    Append((char)c);
                }
            }
            fields.Add(_field.ToString());
            c = Read();
            if (c == ',') continue;
            if (c == '\r' && Peek() == '\n') Advance();
            if (c >= 0) _line++;
            return true;
        }
    }

    /// <summary>Reads the header record; a file without one is an error.</summary>
    public IReadOnlyList<string> ReadHeader()
    {
        var header = new List<string>();
        if (!ReadRecord(header))
        {
            throw new CsvFormatException("Tệp CSV trống, thiếu dòng tiêu đề. / The CSV file is empty: no header line.", 1);
        }
        if (header.Count > 0 && header[0].Length > 0 && header[0][0] == '\uFEFF') header[0] = header[0][1..];
        return header;
    }

    /// <summary>
    /// Index of a column by exact name, else by a unique case-insensitive match; an error naming the
    /// available columns otherwise.
    /// </summary>
    public static int ColumnIndex(IReadOnlyList<string> header, string name)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.Ordinal)) return i;
        }
        int found = -1;
        for (int i = 0; i < header.Count; i++)
        {
            if (!string.Equals(header[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            if (found >= 0) { found = -2; break; }
            found = i;
        }
        if (found >= 0) return found;
        string columns = string.Join(", ", header.Select(h => "'" + h + "'"));
        throw new CsvFormatException(
            $"Không tìm thấy cột '{name}' trong tệp CSV (các cột: {columns}). / Column '{name}' not found in the CSV file (columns: {columns}).", 1);
    }

    /// <summary>
    /// Reads every data record after the header and returns the chosen columns. A completely empty
    /// line is skipped when the file has more than one column (it cannot be a record of it); a
    /// record with too few fields is an error.
    /// </summary>
    public static List<string[]> ReadColumns(string path, IReadOnlyList<string> columnNames, CancellationToken cancellationToken = default)
    {
        using var reader = Open(path);
        return reader.ReadColumns(columnNames, cancellationToken);
    }

    /// <inheritdoc cref="ReadColumns(string, IReadOnlyList{string}, CancellationToken)"/>
    public List<string[]> ReadColumns(IReadOnlyList<string> columnNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        var header = ReadHeader();
        var index = columnNames.Select(n => ColumnIndex(header, n)).ToArray();
        var rows = new List<string[]>();
        var fields = new List<string>();
        while (ReadRecord(fields))
        {
            if ((rows.Count & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (header.Count > 1 && fields.Count == 1 && fields[0].Length == 0) continue;
            var row = new string[index.Length];
            for (int c = 0; c < index.Length; c++)
            {
                if (index[c] >= fields.Count)
                {
                    throw new CsvFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"Tệp CSV lỗi ở dòng {RecordLine}: bản ghi có {fields.Count} cột, tiêu đề có {header.Count}. / Malformed CSV on line {RecordLine}: the record has {fields.Count} fields, the header {header.Count}."),
                        RecordLine);
                }
                row[c] = fields[index[c]];
            }
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose() => _reader.Dispose();

    private void Append(char c)
    {
        if (_field.Length >= _maxFieldLength)
        {
            throw new CsvFormatException(string.Create(CultureInfo.InvariantCulture,
                $"Tệp CSV lỗi ở dòng {_line}: một ô dài quá {_maxFieldLength} ký tự. / Malformed CSV on line {_line}: a field is longer than {_maxFieldLength} characters."),
                _line);
        }
        _field.Append(c);
    }

    private int Peek()
    {
        if (_position < _length) return _buffer[_position];
        if (!Fill()) return -1;
        return _buffer[_position];
    }

    private int Read()
    {
        int c = Peek();
        if (c >= 0) _position++;
        return c;
    }

    private void Advance() => _position++;

    private bool Fill()
    {
        try
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (DecoderFallbackException e)
        {
            throw new CsvFormatException(
                $"Tệp CSV không phải UTF-8 hợp lệ (gần dòng {_line}); hãy lưu lại với mã hóa UTF-8. / The CSV file is not valid UTF-8 (near line {_line}); save it as UTF-8.",
                e);
        }
        _position = 0;
        return _length > 0;
    }
}
