using System.Buffers;
using System.Text;
using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Sql.Execution.Copy;

/// <summary>
/// Writes rows whose columns were cast to varchar as CSV (RFC 4180: CRLF-free "\n" line ends, fields holding the
/// delimiter, a quote, CR or LF are quoted with doubled quotes; NULL is an empty unquoted field) or as JSON lines
/// (one object per row; numbers and booleans unquoted, other values as JSON strings with every control character
/// escaped; NULL as null).
/// </summary>
internal sealed class TextRowWriter
{
    private readonly Stream _stream;
    private readonly bool _json;
    private readonly byte _delimiter;
    private readonly byte[][] _keys;
    private readonly bool[] _raw;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);

    public TextRowWriter(Stream stream, bool json, char delimiter, IReadOnlyList<string> names, IReadOnlyList<bool> raw)
    {
        _stream = stream;
        _json = json;
        _delimiter = (byte)delimiter;
        _raw = [.. raw];
        _keys = new byte[names.Count][];
        for (var i = 0; i < names.Count; i++)
        {
            var key = new ArrayBufferWriter<byte>();
            WriteJsonString(key, Encoding.UTF8.GetBytes(names[i]));
            _keys[i] = key.WrittenSpan.ToArray();
        }

        if (!json && delimiter > 127)
        {
            throw new SqlException(SqlErrorKind.Binder, "COPY delimiter must be an ASCII character");
        }
    }

    public async Task WriteHeaderAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        for (var c = 0; c < names.Count; c++)
        {
            if (c > 0)
            {
                Put(_delimiter);
            }

            WriteCsvField(Encoding.UTF8.GetBytes(names[c]), forceQuote: names[c].Length == 0);
        }

        Put((byte)'\n');
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteAsync(DataChunk chunk, CancellationToken cancellationToken)
    {
        for (var row = 0; row < chunk.Length; row++)
        {
            if (_json)
            {
                Put((byte)'{');
            }

            for (var c = 0; c < chunk.ColumnCount; c++)
            {
                var column = chunk.Columns[c];
                var isNull = column.IsNull(row);
                var bytes = isNull ? default : Bytes(column, row);
                if (_json)
                {
                    if (c > 0)
                    {
                        Put((byte)',');
                    }

                    _buffer.Write(_keys[c]);
                    Put((byte)':');
                    if (isNull)
                    {
                        _buffer.Write("null"u8);
                    }
                    else if (_raw[c] && IsJsonNumberOrBoolean(bytes))
                    {
                        _buffer.Write(bytes);
                    }
                    else
                    {
                        WriteJsonString(_buffer, bytes);
                    }
                }
                else
                {
                    if (c > 0)
                    {
                        Put(_delimiter);
                    }

                    if (!isNull)
                    {
                        WriteCsvField(bytes, forceQuote: bytes.Length == 0);
                    }
                }
            }

            Put(_json ? (byte)'}' : (byte)'\n');
            if (_json)
            {
                Put((byte)'\n');
            }

            if (_buffer.WrittenCount > 1 << 16)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ReadOnlySpan<byte> Bytes(ArrowArray column, int row) => column switch
    {
        BinaryArray b => b.GetBytes(row),
        BinaryViewArray v => v.GetBytes(row),
        LargeBinaryArray l => l.GetBytes(row),
        _ => throw new SqlException(SqlErrorKind.Execution, $"COPY expected text values, got {column.GetType().Name}"),
    };

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }

    private void Put(byte b)
    {
        _buffer.GetSpan(1)[0] = b;
        _buffer.Advance(1);
    }

    private void WriteCsvField(ReadOnlySpan<byte> value, bool forceQuote)
    {
        var quote = forceQuote || value.IndexOfAny(_delimiter, (byte)'"', (byte)'\n') >= 0 || value.IndexOf((byte)'\r') >= 0;
        if (!quote)
        {
            _buffer.Write(value);
            return;
        }

        Put((byte)'"');
        foreach (var b in value)
        {
            if (b == '"')
            {
                Put((byte)'"');
            }

            Put(b);
        }

        Put((byte)'"');
    }

    /// <summary>Whether the cast text is a JSON number or boolean (NaN and infinities are not: they become strings).</summary>
    private static bool IsJsonNumberOrBoolean(ReadOnlySpan<byte> text)
    {
        if (text.SequenceEqual("true"u8) || text.SequenceEqual("false"u8))
        {
            return true;
        }

        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            i++;
            digits++;
        }

        if (digits == 0 || (digits > 1 && text[text[0] == '-' ? 1 : 0] == '0'))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fraction = 0;
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            {
                i++;
                fraction++;
            }

            if (fraction == 0)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var exponent = 0;
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static void WriteJsonString(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        var span = output.GetSpan(utf8.Length * 6 + 2);
        var n = 0;
        span[n++] = (byte)'"';
        foreach (var b in utf8)
        {
            switch (b)
            {
                case (byte)'"':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'"';
                    break;
                case (byte)'\\':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'\\';
                    break;
                case (byte)'\n':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'n';
                    break;
                case (byte)'\r':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'r';
                    break;
                case (byte)'\t':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'t';
                    break;
                case < 0x20 or 0x7F:
                    "\\u00"u8.CopyTo(span[n..]);
                    n += 4;
                    span[n++] = (byte)"0123456789abcdef"[b >> 4];
                    span[n++] = (byte)"0123456789abcdef"[b & 15];
                    break;
                default:
                    span[n++] = b;
                    break;
            }
        }

        span[n++] = (byte)'"';
        output.Advance(n);
    }
}
