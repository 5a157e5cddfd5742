using System.Text;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// Reads RFC 4180 records: fields separated by a delimiter, optionally double-quoted (quotes doubled inside, line breaks
/// allowed), records ended by LF or CRLF. An unquoted empty field is null; a quoted one (<c>""</c>) is the empty string.
/// </summary>
public sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly StringBuilder _field = new();
    private long _line = 1;

    public CsvRecordReader(TextReader reader, char delimiter = ',')
    {
        _reader = reader;
        _delimiter = delimiter;
    }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end. <paramref name="line"/> is where it starts.</summary>
    public bool TryRead(List<string?> fields, out long line)
    {
        fields.Clear();
        line = _line;
        var c = _reader.Read();
        if (c < 0)
        {
            return false;
        }

        if (line == 1 && c == '\uFEFF')
        {
            c = _reader.Read();
            if (c < 0)
            {
                return false;
            }
        }

        while (true)
        {
            // One field starts at c.
            _field.Clear();
            var quoted = false;
            if (c == '"')
            {
                quoted = true;
                while (true)
                {
                    c = _reader.Read();
                    if (c < 0)
                    {
                        throw new FormatException($"line {line}: a quoted field is not closed before the end of the file");
                    }

                    if (c == '"')
                    {
                        if (_reader.Peek() == '"')
                        {
                            _reader.Read();
                            _field.Append('"');
                            continue;
                        }

                        break;
                    }

                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                c = _reader.Read();
                if (c >= 0 && c != _delimiter && c != '\n' && c != '\r')
                {
                    throw new FormatException($"line {_line}: unexpected '{(char)c}' after a closing quote");
                }
            }
            else
            {
                while (c >= 0 && c != _delimiter && c != '\n' && c != '\r')
                {
                    _field.Append((char)c);
                    c = _reader.Read();
                }
            }

            fields.Add(quoted || _field.Length > 0 ? _field.ToString() : null);
            if (c == _delimiter)
            {
                c = _reader.Read();
                if (c < 0 || c == '\n' || c == '\r')
                {
                    // A trailing delimiter ends the record with one more empty field.
                    fields.Add(null);
                    EndRecord(c);
                    return true;
                }

                continue;
            }

            EndRecord(c);
            return true;
        }
    }

    private void EndRecord(int c)
    {
        if (c == '\r' && _reader.Peek() == '\n')
        {
            _reader.Read();
        }

        if (c >= 0)
        {
            _line++;
        }
    }
}
