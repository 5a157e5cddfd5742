using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using Xunit;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;
using Schema = Lakehouse.Table.Types.Schema;
using StructType = Lakehouse.Table.Types.StructType;

namespace Lakehouse.Table.Tests.Transforms;

public sealed class PartitionValuesTests
{
    [Fact]
    public void ComputesEveryPartitionFieldOfABatch()
    {
        var schema = new Schema(0,
        [
            NestedField.Required(1, "id", PrimitiveType.Long),
            NestedField.Optional(2, "ts", PrimitiveType.TimestampTz),
            NestedField.Optional(3, "name", PrimitiveType.String),
            NestedField.Optional(4, "loc", new StructType([NestedField.Optional(5, "zone", PrimitiveType.Int)])),
        ]);
        var spec = new PartitionSpec(0,
        [
            new PartitionField(1, 1000, "id_bucket", Transform.Bucket(8)),
            new PartitionField(2, 1001, "ts_day", Transform.Day),
            new PartitionField(3, 1002, "name_trunc", Transform.Truncate(2)),
            new PartitionField(5, 1003, "zone", Transform.Identity),
            new PartitionField(2, 1004, "ts_month", Transform.Month),
        ]);

        long?[] ids = [1, 2, 3, -4, 5];
        long?[] stamps = [0, -1, null, 1_700_000_000_000_000, DateTimeUtil.MicrosPerDay * -400];
        string?[] names = ["iceberg", null, "é𝄞x", "a", ""];
        int?[] zones = [7, 8, null, 10, 11];
        bool[] locValid = [true, true, true, false, true];

        var arrowSchema = ArrowSchemaConverter.ToArrow(schema);
        var zoneArray = ArrowArrays.Primitive(ArrowType.Int32, zones);
        var locBits = new byte[1];
        for (var i = 0; i < locValid.Length; i++)
        {
            BitUtil.SetBit(locBits, i, locValid[i]);
        }

        var loc = ArrowArray.Create(new ArrayData(arrowSchema[3].Type, 5, 1, 0, [ArrowBuffer.FromArray(locBits)], [zoneArray.Data]));
        var batch = new RecordBatch(arrowSchema,
        [
            ArrowArrays.Primitive(ArrowType.Int64, ids),
            ArrowArrays.Primitive(new TimestampType(TimeUnit.Microsecond, "UTC"), stamps),
            ArrowArrays.Strings(names),
            loc,
        ], 5);

        var result = PartitionValues.Compute(spec, schema, batch);
        Assert.Equal(5, result.ColumnCount);
        Assert.Equal("1003", result.Schema[3].GetMetadata("PARQUET:field_id"));
        Assert.Equal(ArrowType.Date32, result.Schema[1].Type);
        for (var r = 0; r < 5; r++)
        {
            object?[] row = [ids[r], stamps[r], names[r], locValid[r] ? zones[r] : null];
            for (var f = 0; f < spec.Fields.Count; f++)
            {
                var pf = spec.Fields[f];
                var sourceType = (PrimitiveType)schema.FindField(pf.SourceId)!.Type;
                var expected = pf.Transform.Apply(row[pf.SourceId == 5 ? 3 : pf.SourceId - 1], sourceType);
                Assert.Equal(expected, Value(result.Column(f), r));
            }
        }
    }

    private static object? Value(ArrowArray array, int i) => array.IsNull(i) ? null : array switch
    {
        PrimitiveArray<int> ints => ints.Values[i],
        PrimitiveArray<long> longs => longs.Values[i],
        BinaryArray bin => bin.GetString(i),
        _ => throw new NotSupportedException(array.Type.ToString()),
    };
}
