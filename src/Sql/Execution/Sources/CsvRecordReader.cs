using System.Text;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// RFC 4180 records from text: fields split by the delimiter, <c>"…"</c> quoting with <c>""</c> for a quote, line
/// breaks inside quotes kept, CRLF or LF record ends. Each field remembers whether it was quoted, so an empty
/// unquoted field (NULL) differs from <c>""</c> (empty string). Malformed quoting is an error naming the line.
/// </summary>
internal sealed class CsvRecordReader(TextReader input, char delimiter, string source)
{
    private readonly StringBuilder _field = new();

    /// <summary>The 1-based line where the last record started.</summary>
    public long Line { get; private set; }

    private long _nextLine = 1;

    /// <summary>Reads the next record into <paramref name="fields"/> (cleared first); false at the end of input.</summary>
    public bool Read(List<(string Text, bool Quoted)> fields)
    {
        fields.Clear();
        var c = input.Read();
        if (c < 0)
        {
            return false;
        }

        Line = _nextLine;
        while (true)
        {
            _field.Clear();
            var quoted = false;
            if (c == '"')
            {
                quoted = true;
                while (true)
                {
                    c = input.Read();
                    if (c < 0)
                    {
                        throw new SqlException(SqlErrorKind.Execution, $"read_csv: {source} line {Line}: a quoted field is not closed before the end of the file");
                    }

                    if (c == '"')
                    {
                        if (input.Peek() == '"')
                        {
                            input.Read();
                            _field.Append('"');
                            continue;
                        }

                        break;
                    }

                    if (c == '\n')
                    {
                        _nextLine++;
                    }

                    _field.Append((char)c);
                }

                c = input.Read();
                if (c >= 0 && c != delimiter && c != '\n' && c != '\r')
                {
                    throw new SqlException(SqlErrorKind.Execution, $"read_csv: {source} line {_nextLine}: unexpected '{(char)c}' after a closing quote (a quote inside a field must be doubled)");
                }
            }
            else
            {
                while (c >= 0 && c != delimiter && c != '\n' && c != '\r')
                {
                    _field.Append((char)c);
                    c = input.Read();
                }
            }

            fields.Add((_field.ToString(), quoted));
            if (c == delimiter)
            {
                c = input.Read();
                continue;
            }

            if (c == '\r' && input.Peek() == '\n')
            {
                input.Read();
            }

            _nextLine++;
            return true;
        }
    }
}
