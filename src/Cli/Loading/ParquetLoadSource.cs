using System.Runtime.CompilerServices;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Reading;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using IcebergPrimitive = Lakehouse.Table.Types.PrimitiveType;

namespace Lakehouse.Cli.Loading;

/// <summary>
/// Parquet inputs: columns matched to the table by name. A column whose Arrow type already is the table column's is
/// taken as it is (no copy); other primitive columns are converted value by value (e.g. int32 -> long, timestamp[ms]
/// -> timestamptz, utf8 -> date); optional table columns the file lacks are null.
/// </summary>
public static class ParquetLoadSource
{
    public static async IAsyncEnumerable<RecordBatch> ReadAsync(string path, LoadTarget target, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.OpenFileAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        var names = reader.Schema.Fields.Select(f => f.Name).ToList();
        var columns = target.MapColumns(names, path);
        target.RequireColumns(columns, path);
        var sourceOf = new int[target.Fields.Count];
        Array.Fill(sourceOf, -1);
        for (var i = 0; i < columns.Length; i++)
        {
            sourceOf[columns[i]] = i;
        }

        long rowsBefore = 0;
        await foreach (var batch in reader.ReadBatchesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var arrays = new ArrowArray[target.Fields.Count];
            for (var t = 0; t < arrays.Length; t++)
            {
                var field = target.Fields[t];
                var want = target.ArrowSchema.Fields[t].Type;
                if (sourceOf[t] < 0)
                {
                    var nulls = ArrayBuilder.Create(want);
                    nulls.AppendNulls(batch.Length);
                    arrays[t] = nulls.Build();
                    continue;
                }

                var source = batch.Column(sourceOf[t]);
                if (field.IsRequired && source.NullCount > 0)
                {
                    throw LoadTarget.Fail(path, rowsBefore + FirstNull(source) + 1, field.Name, "is required but the value is null");
                }

                arrays[t] = source.Type.Equals(want) ? source : Convert(source, field, want, path, rowsBefore);
            }

            rowsBefore += batch.Length;
            yield return new RecordBatch(target.ArrowSchema, arrays, batch.Length);
        }
    }

    private static ArrowArray Convert(ArrowArray source, NestedField field, ArrowType want, string path, long rowsBefore)
    {
        if (field.Type is not IcebergPrimitive type)
        {
            throw LoadTarget.Fail(path, null, field.Name, $"has type {source.Type} in the file; the table's {field.Type} needs exactly {want}");
        }

        var builder = ArrayBuilder.Create(want);
        for (var r = 0; r < source.Length; r++)
        {
            if (source.IsNull(r))
            {
                builder.AppendNull();
                continue;
            }

            var value = Cell(source, r);
            object? converted;
            try
            {
                converted = value is null ? null : Literals.TryConvert(value, type);
            }
            catch (Exception e) when (e is Lakehouse.Table.IcebergException or OverflowException)
            {
                converted = null;
            }

            if (converted is null)
            {
                throw LoadTarget.Fail(path, rowsBefore + r + 1, field.Name, $"value {value ?? "(unreadable)"} ({source.Type}) does not convert to {type}");
            }

            builder.AppendObject(converted);
        }

        return builder.Build();
    }

    /// <summary>A cell as a CLR value <see cref="Literals.TryConvert"/> understands, or null for types it cannot take.</summary>
    private static object? Cell(ArrowArray array, int row) => array switch
    {
        PrimitiveArray<int> a when array.Type.Id == ArrowTypeId.Date32 => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + a.Value(row)),
        PrimitiveArray<long> a when array.Type is TimestampType ts => Timestamp(a.Value(row), ts),
        PrimitiveArray<long> a when array.Type.Id == ArrowTypeId.Date64 => DateTimeOffset.FromUnixTimeMilliseconds(a.Value(row)).UtcDateTime,
        PrimitiveArray<sbyte> a => (long)a.Value(row),
        PrimitiveArray<short> a => (long)a.Value(row),
        PrimitiveArray<int> a => (long)a.Value(row),
        PrimitiveArray<long> a => a.Value(row),
        PrimitiveArray<byte> a => (long)a.Value(row),
        PrimitiveArray<ushort> a => (long)a.Value(row),
        PrimitiveArray<uint> a => (long)a.Value(row),
        PrimitiveArray<float> a => a.Value(row),
        PrimitiveArray<double> a => a.Value(row),
        BooleanArray a => a.Value(row),
        BinaryArray a when array.Type.Id is ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => a.GetString(row),
        BinaryArray a => a.GetBytes(row).ToArray(),
        FixedSizeBinaryArray a => a.GetBytes(row).ToArray(),
        DecimalArray a => a.FormatValue(row),
        _ => null,
    };

    private static DateTimeOffset Timestamp(long value, TimestampType type)
    {
        var ticks = type.Unit switch
        {
            TimeUnit.Second => value * TimeSpan.TicksPerSecond,
            TimeUnit.Millisecond => value * TimeSpan.TicksPerMillisecond,
            TimeUnit.Microsecond => value * 10,
            _ => value / 100,
        };
        return new DateTimeOffset(DateTime.UnixEpoch.Ticks + ticks, TimeSpan.Zero);
    }

    private static long FirstNull(ArrowArray array)
    {
        for (var r = 0; r < array.Length; r++)
        {
            if (array.IsNull(r))
            {
                return r;
            }
        }

        return 0;
    }
}
