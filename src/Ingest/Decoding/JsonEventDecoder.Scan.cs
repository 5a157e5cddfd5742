using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Ingest.Decoding;

public sealed partial class JsonEventDecoder
{
    private const int MaxTimestampChars = 64;
    private const long MicrosPerSecond = 1_000_000;

    private static readonly string[] s_isoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd",
    ];

    /// <summary>Checks the whole message and fills <see cref="_slots"/>; appends nothing.</summary>
    private DecodeOutcome Scan(ReadOnlySpan<byte> value)
    {
        if (value.Length > _options.MaxMessageBytes)
        {
            return DecodeOutcome.Dead(DeadLetterKind.Oversize, null, $"the value is {value.Length} bytes, the limit is {_options.MaxMessageBytes}");
        }

        var invalid = FirstInvalidUtf8(value);
        if (invalid >= 0)
        {
            return DecodeOutcome.Dead(DeadLetterKind.InvalidUtf8, null, $"invalid UTF-8 at byte {invalid} (0x{value[invalid]:X2})");
        }

        Array.Clear(_slots);
        try
        {
            return ScanJson(value);
        }
        catch (JsonException e)
        {
            return DecodeOutcome.Dead(DeadLetterKind.InvalidJson, null, InvalidJsonMessage(e));
        }
    }

    private DecodeOutcome ScanJson(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read())
        {
            return DecodeOutcome.Dead(DeadLetterKind.InvalidJson, null, "the value is empty");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return DecodeOutcome.Dead(DeadLetterKind.InvalidJson, "$", $"expected a JSON object, got {TokenName(reader.TokenType)}");
        }

        // The mapped objects we are inside of; deeper or unmapped members are skipped by the reader.
        Span<int> pendingStart = stackalloc int[_maxDepth + 1];
        var nodes = ArrayPool<PathNode>.Shared.Rent(_maxDepth + 1);
        try
        {
            var depth = 0;
            nodes[0] = _root;
            pendingStart[0] = -1;
            while (depth >= 0 && reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    var done = nodes[depth];
                    if (pendingStart[depth] >= 0)
                    {
                        ref var slot = ref _slots[done.Column];
                        slot.Present = true;
                        slot.Start = pendingStart[depth];
                        slot.Length = checked((int)reader.BytesConsumed) - slot.Start;
                    }

                    depth--;
                    continue;
                }

                // In an object the reader is on a member name here.
                var child = nodes[depth].Find(ref reader);
                reader.Read();
                if (child is null)
                {
                    reader.Skip();
                    continue;
                }

                if (child.Column >= 0)
                {
                    var column = _columns[child.Column];
                    if (reader.TokenType == JsonTokenType.StartObject && child.HasChildren && column.Type == JsonColumnType.Json)
                    {
                        // Both the object as JSON text and members below it are mapped: descend, close at its end.
                        depth++;
                        nodes[depth] = child;
                        pendingStart[depth] = checked((int)reader.TokenStartIndex);
                        continue;
                    }

                    var problem = Capture(ref reader, child.Column, child.DisplayPath);
                    if (problem is not null)
                    {
                        return DecodeOutcome.Dead(DeadLetterKind.WrongType, child.DisplayPath, problem);
                    }

                    continue;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        depth++;
                        nodes[depth] = child;
                        pendingStart[depth] = -1;
                        break;
                    case JsonTokenType.Null:
                        break;
                    default:
                        return DecodeOutcome.Dead(DeadLetterKind.WrongType, child.DisplayPath, $"{child.DisplayPath}: expected an object, got {TokenName(reader.TokenType)}");
                }
            }

            // Anything after the object (the reader throws on trailing data; this reads to the end).
            while (reader.Read())
            {
            }
        }
        finally
        {
            Array.Clear(nodes);
            ArrayPool<PathNode>.Shared.Return(nodes);
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            if (_columns[i].Required && !_slots[i].Present)
            {
                return DecodeOutcome.Dead(DeadLetterKind.MissingRequired, _columns[i].DisplayPath, $"{_columns[i].DisplayPath} is required but missing or null");
            }
        }

        return DecodeOutcome.Good;
    }

    /// <summary>Records the value the reader is on for column <paramref name="index"/>; returns a problem text or null.</summary>
    private string? Capture(ref Utf8JsonReader reader, int index, string path)
    {
        ref var slot = ref _slots[index];
        var column = _columns[index];
        slot.Present = false;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        switch (column.Type)
        {
            case JsonColumnType.String:
                if (reader.TokenType != JsonTokenType.String)
                {
                    return Expected(path, "a string", reader.TokenType);
                }

                slot.Start = checked((int)reader.TokenStartIndex) + 1;
                slot.Length = reader.ValueSpan.Length;
                slot.Escaped = reader.ValueIsEscaped;
                break;
            case JsonColumnType.Json:
                slot.Start = checked((int)reader.TokenStartIndex);
                reader.Skip();
                slot.Length = checked((int)reader.BytesConsumed) - slot.Start;
                break;
            case JsonColumnType.List:
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return Expected(path, "an array", reader.TokenType);
                    }

                    slot.Start = checked((int)reader.TokenStartIndex);
                    var element = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.Null)
                        {
                            var problem = column.ElementType == JsonColumnType.String
                                ? reader.TokenType == JsonTokenType.String ? null : Expected(ElementPath(path, element), "a string", reader.TokenType)
                                : ConvertScalar(ref reader, column.ElementType, column.EpochUnit, ElementPath(path, element), out _);
                            if (problem is not null)
                            {
                                return problem;
                            }
                        }

                        element++;
                    }

                    slot.Length = checked((int)reader.BytesConsumed) - slot.Start;
                    break;
                }

            default:
                {
                    var problem = ConvertScalar(ref reader, column.Type, column.EpochUnit, path, out slot.Value);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    break;
                }
        }

        slot.Present = true;
        return null;
    }

    /// <summary>Converts the scalar the reader is on to the 64-bit representation of <paramref name="type"/>.</summary>
    private static string? ConvertScalar(ref Utf8JsonReader reader, JsonColumnType type, TimeUnit epochUnit, string path, out long value)
    {
        value = 0;
        var token = reader.TokenType;
        switch (type)
        {
            case JsonColumnType.Int32:
            case JsonColumnType.Int64:
                if (token != JsonTokenType.Number)
                {
                    return Expected(path, type == JsonColumnType.Int32 ? "an integer (int32)" : "an integer (int64)", token);
                }

                if (!reader.TryGetInt64(out value) || (type == JsonColumnType.Int32 && value is < int.MinValue or > int.MaxValue))
                {
                    return $"{path}: {Encoding.UTF8.GetString(reader.ValueSpan)} is not an integer that fits {(type == JsonColumnType.Int32 ? "int32" : "int64")}";
                }

                return null;
            case JsonColumnType.Float64:
                if (token != JsonTokenType.Number)
                {
                    return Expected(path, "a number", token);
                }

                if (!reader.TryGetDouble(out var d) || !double.IsFinite(d))
                {
                    return $"{path}: {Encoding.UTF8.GetString(reader.ValueSpan)} is out of the float64 range";
                }

                value = BitConverter.DoubleToInt64Bits(d);
                return null;
            case JsonColumnType.Boolean:
                if (token is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return Expected(path, "true or false", token);
                }

                value = token == JsonTokenType.True ? 1 : 0;
                return null;
            case JsonColumnType.Timestamp:
                return token switch
                {
                    JsonTokenType.String => ParseIsoTimestamp(ref reader, path, out value),
                    JsonTokenType.Number => EpochToMicros(ref reader, epochUnit, path, out value),
                    _ => Expected(path, "an ISO-8601 string or an epoch number", token),
                };
            default:
                throw new InvalidOperationException($"not a scalar column type: {type}");
        }
    }

    private static string? ParseIsoTimestamp(ref Utf8JsonReader reader, string path, out long micros)
    {
        micros = 0;
        Span<char> chars = stackalloc char[MaxTimestampChars];
        if (reader.ValueSpan.Length > MaxTimestampChars)
        {
            return $"{path}: a {reader.ValueSpan.Length}-byte string is not an ISO-8601 timestamp";
        }

        var n = reader.CopyString(chars);
        if (!DateTimeOffset.TryParseExact(chars[..n], s_isoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return $"{path}: \"{chars[..n]}\" is not an ISO-8601 timestamp";
        }

        micros = (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
        return null;
    }

    private static string? EpochToMicros(ref Utf8JsonReader reader, TimeUnit unit, string path, out long micros)
    {
        micros = 0;
        var scale = unit switch
        {
            TimeUnit.Second => MicrosPerSecond,
            TimeUnit.Millisecond => 1000L,
            _ => 1L,
        };
        if (reader.TryGetInt64(out var whole))
        {
            if (whole > long.MaxValue / scale || whole < long.MinValue / scale)
            {
                return $"{path}: epoch value {whole} is out of the timestamp range";
            }

            micros = whole * scale;
            return null;
        }

        if (reader.TryGetDouble(out var d) && double.IsFinite(d) && Math.Abs(d * scale) < 9.2e18)
        {
            micros = (long)Math.Round(d * scale, MidpointRounding.ToEven);
            return null;
        }

        return $"{path}: epoch value {Encoding.UTF8.GetString(reader.ValueSpan)} is out of the timestamp range";
    }

    private static string Expected(string path, string what, JsonTokenType got) => $"{path}: expected {what}, got {TokenName(got)}";

    private static string ElementPath(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private static string TokenName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string InvalidJsonMessage(JsonException e)
    {
        // Utf8JsonReader messages end with "LineNumber: n | BytePositionInLine: m."; state the position once, plainly.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return e.BytePositionInLine is { } column
            ? string.Create(CultureInfo.InvariantCulture, $"{message} (line {e.LineNumber + 1}, byte {column})")
            : message;
    }

    /// <summary>Index of the first byte that is not part of a valid UTF-8 sequence, or -1.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> value)
    {
        if (System.Text.Unicode.Utf8.IsValid(value))
        {
            return -1;
        }

        var i = 0;
        while (i < value.Length)
        {
            if (Rune.DecodeFromUtf8(value[i..], out _, out var consumed) != OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }
}
