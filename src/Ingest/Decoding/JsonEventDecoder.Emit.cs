using System.Text.Json;
using Confluent.Kafka;
using Lakehouse.Arrow.Builders;

namespace Lakehouse.Ingest.Decoding;

public sealed partial class JsonEventDecoder
{
    private void EmitGood(in MessageOrigin metadata, ReadOnlySpan<byte> key, bool keyIsNull, ReadOnlySpan<byte> value, Headers? headers, long ingestTimeMicros)
    {
        if (_options.IncludeEnvelope)
        {
            EmitEnvelopeStart(_good, metadata, key, keyIsNull);
            var map = _good.Column<MapBuilder>(5);
            if (headers is null)
            {
                map.AppendNull();
            }
            else
            {
                map.Append();
                for (var i = 0; i < headers.Count; i++)
                {
                    var h = headers[i];
                    ((BinaryBuilder)map.KeyBuilder).Append(h.Key);
                    var bytes = h.GetValueBytes();
                    if (bytes is null)
                    {
                        map.ItemBuilder.AppendNull();
                    }
                    else
                    {
                        ((BinaryBuilder)map.ItemBuilder).Append(bytes);
                    }

                    map.AppendEntry();
                }
            }

            _good.Column<PrimitiveBuilder<long>>(6).Append(ingestTimeMicros);
            _good.Column<BinaryBuilder>(7).Append(value);
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            ref readonly var slot = ref _slots[i];
            var builder = _mapped[i];
            if (!slot.Present)
            {
                builder.AppendNull();
                continue;
            }

            var column = _columns[i];
            switch (column.Type)
            {
                case JsonColumnType.String:
                    AppendString((BinaryBuilder)builder, value, slot.Start, slot.Length, slot.Escaped);
                    break;
                case JsonColumnType.Json:
                    ((BinaryBuilder)builder).Append(value.Slice(slot.Start, slot.Length));
                    break;
                case JsonColumnType.List:
                    AppendList((ListBuilder)builder, column, value.Slice(slot.Start, slot.Length));
                    break;
                default:
                    AppendScalar(builder, column.Type, slot.Value);
                    break;
            }
        }
    }

    private void EmitDeadLetter(in MessageOrigin metadata, ReadOnlySpan<byte> key, bool keyIsNull, ReadOnlySpan<byte> value, DecodeOutcome outcome, long ingestTimeMicros)
    {
        EmitEnvelopeStart(_dead, metadata, key, keyIsNull);
        _dead.Column<BinaryBuilder>(5).Append(value[..Math.Min(value.Length, _options.MaxDeadLetterBytes)]);
        _dead.Column<PrimitiveBuilder<int>>(6).Append(value.Length);
        _dead.Column<BinaryBuilder>(7).Append(DeadLetterKinds.Name(outcome.Kind));
        _dead.Column<BinaryBuilder>(8).Append(outcome.Path);
        _dead.Column<BinaryBuilder>(9).Append(outcome.Message ?? string.Empty);
        _dead.Column<PrimitiveBuilder<long>>(10).Append(ingestTimeMicros);
    }

    /// <summary>kafka_topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp: the first five columns of both schemas.</summary>
    private void EmitEnvelopeStart(RecordBatchBuilder batch, in MessageOrigin metadata, ReadOnlySpan<byte> key, bool keyIsNull)
    {
        batch.Column<BinaryBuilder>(0).Append(TopicBytes(metadata.Topic));
        batch.Column<PrimitiveBuilder<int>>(1).Append(metadata.Partition);
        batch.Column<PrimitiveBuilder<long>>(2).Append(metadata.Offset);
        var keys = batch.Column<BinaryBuilder>(3);
        if (keyIsNull)
        {
            keys.AppendNull();
        }
        else
        {
            keys.Append(key);
        }

        batch.Column<PrimitiveBuilder<long>>(4).Append(metadata.TimestampMs * 1000);
    }

    private void AppendString(BinaryBuilder builder, ReadOnlySpan<byte> value, int start, int length, bool escaped)
    {
        if (!escaped)
        {
            builder.Append(value.Slice(start, length));
            return;
        }

        // Unescaping never makes a string longer; re-read the one string token (quotes included).
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        }

        var reader = new Utf8JsonReader(value.Slice(start - 1, length + 2));
        reader.Read();
        var n = reader.CopyString(_scratch);
        builder.Append(_scratch.AsSpan(0, n));
    }

    private void AppendList(ListBuilder list, ColumnMapping column, ReadOnlySpan<byte> array)
    {
        list.Append();
        var values = list.ValueBuilder;
        var reader = new Utf8JsonReader(array);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                values.AppendNull();
            }
            else if (column.ElementType == JsonColumnType.String)
            {
                var start = checked((int)reader.TokenStartIndex) + 1;
                AppendString((BinaryBuilder)values, array, start, reader.ValueSpan.Length, reader.ValueIsEscaped);
            }
            else
            {
                // Checked by the scan already; converting again cannot fail.
                _ = ConvertScalar(ref reader, column.ElementType, column.EpochUnit, string.Empty, out var v);
                AppendScalar(values, column.ElementType, v);
            }
        }
    }

    private static void AppendScalar(ArrayBuilder builder, JsonColumnType type, long value)
    {
        switch (type)
        {
            case JsonColumnType.Int32:
                ((PrimitiveBuilder<int>)builder).Append((int)value);
                break;
            case JsonColumnType.Int64:
            case JsonColumnType.Timestamp:
                ((PrimitiveBuilder<long>)builder).Append(value);
                break;
            case JsonColumnType.Float64:
                ((PrimitiveBuilder<double>)builder).Append(BitConverter.Int64BitsToDouble(value));
                break;
            case JsonColumnType.Boolean:
                ((BooleanBuilder)builder).Append(value != 0);
                break;
            default:
                throw new InvalidOperationException($"not a scalar column type: {type}");
        }
    }
}
