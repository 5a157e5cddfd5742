using System.Numerics;
using System.Text;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Values;
using Xunit;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;

namespace Lakehouse.Table.Tests.Transforms;

/// <summary>Appendix B test vectors and the bucket transform, scalar and vectorized.</summary>
public sealed class BucketTransformTests
{
    [Fact]
    public void AppendixBHashVectors()
    {
        Assert.Equal(2017239379, BucketTransform.Hash(34, PrimitiveType.Int));
        Assert.Equal(2017239379, BucketTransform.Hash(34L, PrimitiveType.Long));
        Assert.Equal(-500754589, BucketTransform.Hash(new BigInteger(1420), PrimitiveType.Decimal(9, 2)));
        Assert.Equal(-653330422, BucketTransform.Hash(Literals.Convert("2017-11-16", PrimitiveType.Date), PrimitiveType.Date));
        Assert.Equal(-662762989, BucketTransform.Hash(Literals.Convert("22:31:08", PrimitiveType.Time), PrimitiveType.Time));
        Assert.Equal(-2047944441, BucketTransform.Hash(Literals.Convert("2017-11-16T22:31:08", PrimitiveType.Timestamp), PrimitiveType.Timestamp));
        Assert.Equal(-1207196810, BucketTransform.Hash(Literals.Convert("2017-11-16T22:31:08.000001", PrimitiveType.Timestamp), PrimitiveType.Timestamp));
        Assert.Equal(-2047944441, BucketTransform.Hash(Literals.Convert("2017-11-16T14:31:08-08:00", PrimitiveType.TimestampTz), PrimitiveType.TimestampTz));
        Assert.Equal(-1207196810, BucketTransform.Hash(Literals.Convert("2017-11-16T14:31:08.000001-08:00", PrimitiveType.TimestampTz), PrimitiveType.TimestampTz));
        Assert.Equal(-2047944441, BucketTransform.Hash(Literals.Convert("2017-11-16T22:31:08", PrimitiveType.TimestampNs), PrimitiveType.TimestampNs));
        Assert.Equal(-1207196810, BucketTransform.Hash(Literals.Convert("2017-11-16T22:31:08.000001001", PrimitiveType.TimestampNs), PrimitiveType.TimestampNs));
        Assert.Equal(-2047944441, BucketTransform.Hash(Literals.Convert("2017-11-16T14:31:08-08:00", PrimitiveType.TimestampTzNs), PrimitiveType.TimestampTzNs));
        Assert.Equal(-1207196810, BucketTransform.Hash(Literals.Convert("2017-11-16T14:31:08.000001001-08:00", PrimitiveType.TimestampTzNs), PrimitiveType.TimestampTzNs));
        Assert.Equal(1210000089, BucketTransform.Hash("iceberg", PrimitiveType.String));
        Assert.Equal(1488055340, BucketTransform.Hash(Guid.Parse("f79c3e09-677c-4bbd-a479-3f349cb785e7"), PrimitiveType.Uuid));
        Assert.Equal(-188683207, BucketTransform.Hash(new byte[] { 0, 1, 2, 3 }, PrimitiveType.Fixed(4)));
        Assert.Equal(-188683207, BucketTransform.Hash(new byte[] { 0, 1, 2, 3 }, PrimitiveType.Binary));
    }

    [Fact]
    public void AppendixBVectorsForTypesNotBucketed()
    {
        Assert.Equal(1392991556, Murmur3.HashInt(1));
        Assert.Equal(1392991556, Murmur3.HashLong(1));
        Assert.Equal(-142385009, Murmur3.HashLong(BitConverter.DoubleToInt64Bits(1.0)));
        Assert.Equal(1669671676, Murmur3.HashLong(BitConverter.DoubleToInt64Bits(0.0)));
        Assert.Equal(-427558391, Murmur3.HashBytes(Encoding.UTF8.GetBytes("34")));
    }

    [Fact]
    public void MinimalBigEndianDecimalBytes()
    {
        Span<byte> buf = stackalloc byte[16];
        foreach (var v in new Int128[] { 0, 1, -1, 127, 128, -128, -129, 1420, -1420, long.MaxValue, long.MinValue, Int128.MaxValue, Int128.MinValue })
        {
            var len = BucketTransform.MinBigEndianBytes(v, buf);
            var expected = ((BigInteger)v).ToByteArray(isUnsigned: false, isBigEndian: true);
            Assert.Equal(expected, buf[..len].ToArray());
        }
    }

    [Fact]
    public void BucketIsNonNegativeModulo()
    {
        var b = Transform.Bucket(16);
        Assert.Equal((2017239379 & int.MaxValue) % 16, b.Apply(34, PrimitiveType.Int));
        Assert.Equal((-653330422 & int.MaxValue) % 16, b.Apply(Literals.Convert("2017-11-16", PrimitiveType.Date), PrimitiveType.Date));
        Assert.Null(b.Apply((object?)null, PrimitiveType.Int));
        Assert.Equal(PrimitiveType.Int, b.ResultType(PrimitiveType.String));
        Assert.False(b.CanTransform(PrimitiveType.Double));
        Assert.False(b.CanTransform(PrimitiveType.Boolean));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(1000)]
    [InlineData(65_537)]
    [InlineData(int.MaxValue)]
    public void VectorizedModuloMatchesForAnyBucketCount(int buckets)
    {
        var random = new Random(buckets);
        var values = Enumerable.Range(0, 2000).Select(_ => (long?)random.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        var b = Transform.Bucket(buckets);
        var result = (PrimitiveArray<int>)b.Apply(ArrowArrays.Primitive(ArrowType.Int64, values), PrimitiveType.Long);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal((Murmur3.HashLong(values[i]!.Value) & int.MaxValue) % buckets, result.Values[i]);
        }
    }

    [Fact]
    public void VectorizedMatchesScalar()
    {
        var random = new Random(42);
        var b = Transform.Bucket(7);

        var ints = Enumerable.Range(0, 100).Select(i => i % 9 == 0 ? (int?)null : random.Next(int.MinValue, int.MaxValue)).ToArray();
        Check(ArrowArrays.Primitive(ArrowType.Int32, ints), ints.Cast<object?>().ToArray(), PrimitiveType.Int);

        var longs = Enumerable.Range(0, 100).Select(i => i % 7 == 0 ? (long?)null : random.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        Check(ArrowArrays.Primitive(ArrowType.Int64, longs), longs.Cast<object?>().ToArray(), PrimitiveType.Long);

        var nanos = Enumerable.Range(0, 100).Select(i => (long?)random.NextInt64(-4_000_000_000_000_000_000, 4_000_000_000_000_000_000)).ToArray();
        Check(ArrowArrays.Primitive(new TimestampType(TimeUnit.Nanosecond), nanos), nanos.Cast<object?>().ToArray(), PrimitiveType.TimestampNs);

        var strings = Enumerable.Range(0, 50).Select(i => i % 5 == 0 ? null : new string((char)('a' + (i % 26)), i % 13) + "é𝄞").ToArray();
        Check(ArrowArrays.Strings(strings), strings.Cast<object?>().ToArray(), PrimitiveType.String);

        var decimals = Enumerable.Range(0, 50).Select(i => i % 6 == 0 ? (Int128?)null : (Int128)random.NextInt64(long.MinValue, long.MaxValue) * random.Next(-1000, 1000)).ToArray();
        Check(ArrowArrays.Decimal128(38, 2, decimals), decimals.Select(d => d is null ? null : (object)(BigInteger)d.Value).ToArray(), PrimitiveType.Decimal(38, 2));

        var uuids = Enumerable.Range(0, 20).Select(i => i == 3 ? null : Literals.UuidBytes(Guid.NewGuid())).ToArray();
        Check(ArrowArrays.FixedBinary(uuids, 16), uuids.Select(u => u is null ? null : (object)Literals.UuidFromBytes(u)).ToArray(), PrimitiveType.Uuid);

        void Check(ArrowArray array, object?[] values, PrimitiveType type)
        {
            foreach (var (offset, length) in new[] { (0, values.Length), (3, values.Length - 5) })
            {
                var slice = array.Slice(offset, length);
                var result = (PrimitiveArray<int>)b.Apply(slice, type);
                Assert.Equal(length, result.Length);
                for (var i = 0; i < length; i++)
                {
                    var expected = b.Apply(values[offset + i], type);
                    Assert.Equal(expected, result.IsValid(i) ? result.Values[i] : null);
                }
            }
        }
    }
}
