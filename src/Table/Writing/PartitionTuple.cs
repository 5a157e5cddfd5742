using System.Numerics;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Table.Scanning;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Writing;

/// <summary>Reading one row's partition tuple out of the batch <c>PartitionValues.Compute</c> returns.</summary>
internal static class PartitionTuple
{
    public static object?[] Read(RecordBatch partitions, int row, PrimitiveType[] types)
    {
        var values = new object?[types.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Value(partitions.Column(i), row, types[i]);
        }

        return values;
    }

    public static string Key(object?[] tuple) => PartitionKey.Of(0, tuple);

    /// <summary>True when row <paramref name="row"/> has the same tuple as the row before it (fast check on int/long columns; false when unsure).</summary>
    public static bool SameAsPrevious(RecordBatch partitions, int row)
    {
        for (var i = 0; i < partitions.ColumnCount; i++)
        {
            var a = partitions.Column(i);
            if (a.IsValid(row) != a.IsValid(row - 1))
            {
                return false;
            }

            if (!a.IsValid(row))
            {
                continue;
            }

            switch (a)
            {
                case PrimitiveArray<int> ints when ints.Value(row) == ints.Value(row - 1):
                    continue;
                case PrimitiveArray<long> longs when longs.Value(row) == longs.Value(row - 1):
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static object? Value(ArrowArray array, int row, PrimitiveType type)
    {
        if (!array.IsValid(row))
        {
            return null;
        }

        return array switch
        {
            PrimitiveArray<int> a => a.Value(row),
            PrimitiveArray<long> a => a.Value(row),
            PrimitiveArray<float> a => a.Value(row),
            PrimitiveArray<double> a => a.Value(row),
            BooleanArray a => a.Value(row),
            BinaryArray a when type.TypeId == TypeId.String => a.GetString(row),
            BinaryArray a => a.GetBytes(row).ToArray(),
            FixedSizeBinaryArray a when type.TypeId == TypeId.Uuid => new Guid(a.GetBytes(row), bigEndian: true),
            FixedSizeBinaryArray a => a.GetBytes(row).ToArray(),
            DecimalArray a => DecimalValue(a, row),
            _ => throw IcebergException.NotSupported($"partition values from {array.GetType().Name}"),
        };
    }

    private static BigInteger DecimalValue(DecimalArray array, int row)
    {
        var width = array.ByteWidth;
        return new BigInteger(array.Data.Buffers[1].Span.Slice((array.Data.Offset + row) * width, width), isUnsigned: false, isBigEndian: false);
    }
}
