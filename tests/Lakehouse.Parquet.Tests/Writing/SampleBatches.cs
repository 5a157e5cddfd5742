using System.Text;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Parquet.Tests.Writing;

/// <summary>Deterministic batches covering every writable type, nulls and nesting.</summary>
internal static class SampleBatches
{
    public static Schema AllTypesSchema { get; } = new(
    [
        new Field("id", ArrowType.Int64, false, [new("PARQUET:field_id", "1")]),
        new Field("b", ArrowType.Boolean, true, [new("PARQUET:field_id", "2")]),
        new Field("i8", ArrowType.Int8),
        new Field("i16", ArrowType.Int16),
        new Field("i32", ArrowType.Int32),
        new Field("u8", ArrowType.UInt8),
        new Field("u16", ArrowType.UInt16),
        new Field("u32", ArrowType.UInt32),
        new Field("u64", ArrowType.UInt64),
        new Field("f32", ArrowType.Float32),
        new Field("f64", ArrowType.Float64),
        new Field("f16", ArrowType.Float16),
        new Field("dec9", new DecimalType(9, 2)),
        new Field("dec18", new DecimalType(18, 4)),
        new Field("dec38", new DecimalType(38, 10)),
        new Field("date", ArrowType.Date32),
        new Field("time_ms", new TimeType(TimeUnit.Millisecond)),
        new Field("time_us", new TimeType(TimeUnit.Microsecond)),
        new Field("ts_ms", new TimestampType(TimeUnit.Millisecond)),
        new Field("ts_us_utc", new TimestampType(TimeUnit.Microsecond, "UTC")),
        new Field("ts_ns", new TimestampType(TimeUnit.Nanosecond)),
        new Field("s", ArrowType.Utf8, true, [new("PARQUET:field_id", "3")]),
        new Field("bin", ArrowType.Binary),
        new Field("fixed", new FixedSizeBinaryType(3)),
        new Field("uuid", new FixedSizeBinaryType(16), true, [new("ARROW:extension:name", "arrow.uuid"), new("ARROW:extension:metadata", string.Empty)]),
        new Field("tags", new ListType(new Field("element", ArrowType.Utf8, true))),
        new Field("matrix", new ListType(new Field("element", new ListType(new Field("element", ArrowType.Int32, true)), true))),
        new Field("point", new StructType([new Field("x", ArrowType.Float64, true), new Field("y", ArrowType.Int32, false)]), true, [new("PARQUET:field_id", "10")]),
        new Field("attrs", new MapType(ArrowType.Utf8, ArrowType.Int64)),
        new Field("people", new ListType(new Field("element", new StructType([new Field("name", ArrowType.Utf8, true), new Field("age", ArrowType.Int32, true)]), true))),
    ]);

    /// <summary>Rows 0..count-1; about a tenth of the nullable values are null; strings repeat (dictionary-friendly).</summary>
    public static RecordBatch AllTypes(int count, int seed = 7)
    {
        var rng = new Random(seed);
        var b = new RecordBatchBuilder(AllTypesSchema);
        for (var r = 0; r < count; r++)
        {
            bool Null() => rng.Next(10) == 0;
            object? Maybe(object value) => Null() ? null : value;
            var uuid = new byte[16];
            rng.NextBytes(uuid);
            var tags = Null() ? null : Enumerable.Range(0, rng.Next(4)).Select(k => k == 1 && rng.Next(3) == 0 ? null : $"tag{rng.Next(20)}").ToArray();
            var matrix = Null() ? null : Enumerable.Range(0, rng.Next(3)).Select(k => k == 2 ? null : (object?)Enumerable.Range(0, rng.Next(3)).Select(v => rng.Next(5) == 0 ? null : (object?)(v * r)).ToArray()).ToArray();
            var point = Null() ? null : new object?[] { Null() ? null : r * 0.5, r };
            var attrs = Null() ? null : Enumerable.Range(0, rng.Next(3)).Select(k => new KeyValuePair<object, object?>($"k{k}", k == 1 ? null : (long)(r * k))).ToList();
            var people = Null() ? null : Enumerable.Range(0, rng.Next(3)).Select(k => k == 1 && rng.Next(2) == 0 ? null : (object?)new object?[] { $"p{rng.Next(50)}", Null() ? null : rng.Next(100) }).ToArray();
            b.AppendRow(
                (long)r,
                Maybe(rng.Next(2) == 0),
                Maybe((sbyte)rng.Next(-128, 128)),
                Maybe((short)rng.Next(short.MinValue, short.MaxValue)),
                Maybe(r % 7 == 0 ? int.MinValue : rng.Next()),
                Maybe((byte)rng.Next(256)),
                Maybe((ushort)rng.Next(65536)),
                Maybe(r % 5 == 0 ? uint.MaxValue : (uint)rng.Next()),
                Maybe(r % 5 == 0 ? ulong.MaxValue : (ulong)rng.NextInt64()),
                Maybe(r % 11 == 0 ? float.NaN : (float)(rng.NextDouble() * 100 - 50)),
                Maybe(r % 13 == 0 ? -0.0 : rng.NextDouble() * 1e6 - 5e5),
                Maybe((Half)(rng.Next(-1000, 1000) / 8.0)),
                Maybe(Math.Round((decimal)(rng.NextDouble() * 1e6 - 5e5), 2)),
                Maybe(Math.Round((decimal)(rng.NextDouble() * 1e10 - 5e9), 4)),
                Maybe(Math.Round((decimal)(rng.NextDouble() * 1e15 - 5e14), 10)),
                Maybe(new DateOnly(2000, 1, 1).AddDays(rng.Next(-20000, 20000))),
                Maybe(new TimeOnly(rng.NextInt64(TimeSpan.TicksPerDay) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond)),
                Maybe(new TimeOnly(rng.NextInt64(TimeSpan.TicksPerDay) / 10 * 10)),
                Maybe(rng.NextInt64(-4_000_000_000_000, 4_000_000_000_000)),
                Maybe(rng.NextInt64(-4_000_000_000_000_000, 4_000_000_000_000_000)),
                Maybe(rng.NextInt64(-4_000_000_000_000_000, 4_000_000_000_000_000)),
                Maybe(r % 17 == 0 ? new string('x', 100) + r : $"s{rng.Next(30)} é"),
                Maybe(Encoding.UTF8.GetBytes($"bin{rng.Next(1000)}")),
                Maybe(new byte[] { (byte)r, (byte)(r >> 8), 0xFF }),
                Maybe(uuid),
                tags,
                matrix,
                point,
                attrs,
                people);
        }

        return b.Build();
    }
}
