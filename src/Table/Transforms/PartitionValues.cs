using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;
using ArrowSchema = Lakehouse.Arrow.Schema;
using ArrowStructType = Lakehouse.Arrow.Types.StructType;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;
using Schema = Lakehouse.Table.Types.Schema;

namespace Lakehouse.Table.Transforms;

/// <summary>
/// Computes the partition tuple of every row of a record batch at once: one Arrow array per partition field
/// (the vectorized transforms over the source columns), as a batch whose schema is the partition type.
/// Source columns are found by field id (<c>PARQUET:field_id</c>) or else by name, also inside structs; rows
/// whose parent struct is null get a null source value.
/// </summary>
public static class PartitionValues
{
    public static RecordBatch Compute(PartitionSpec spec, Schema schema, RecordBatch batch)
    {
        var partitionType = spec.PartitionType(schema);
        var fields = new Field[spec.Fields.Count];
        var columns = new ArrowArray[spec.Fields.Count];
        for (var i = 0; i < spec.Fields.Count; i++)
        {
            var pf = spec.Fields[i];
            if (!pf.Transform.IsKnown || pf.SourceIds.Count != 1)
            {
                throw IcebergException.NotSupported($"computing partition field '{pf.Name}' with transform {pf.Transform}");
            }

            var source = schema.FindField(pf.SourceId) ?? throw IcebergException.Invalid($"partition field '{pf.Name}' has source id {pf.SourceId}, which is not in the schema");
            var sourceType = source.Type as PrimitiveType ?? throw IcebergException.Invalid($"partition source '{source.Name}' is not a primitive column");
            var values = Locate(schema, batch, pf.SourceId);
            columns[i] = pf.Transform.Apply(values, sourceType);
            fields[i] = ArrowSchemaConverter.ToArrow(partitionType.Fields[i]).WithType(columns[i].Type);
        }

        return new RecordBatch(new ArrowSchema(fields), columns, batch.Length);
    }

    /// <summary>The array of field <paramref name="fieldId"/> in <paramref name="batch"/>, with the nulls of enclosing structs applied.</summary>
    public static ArrowArray Locate(Schema schema, RecordBatch batch, int fieldId)
    {
        var path = new List<int> { fieldId };
        for (var parent = schema.ParentId(fieldId); parent is { } p; parent = schema.ParentId(p))
        {
            if (schema.FindField(p)!.Type is not Types.StructType)
            {
                throw IcebergException.Invalid($"field {fieldId} is inside a list or map; it cannot be a partition source");
            }

            path.Insert(0, p);
        }

        var fields = batch.Schema.Fields;
        ArrowArray? current = null;
        IReadOnlyList<ArrowArray> arrays = batch.Columns;
        foreach (var id in path)
        {
            var index = IndexOf(fields, id, schema.FindField(id)!.Name);
            if (index < 0)
            {
                throw new IcebergException(IcebergErrorKind.NotFound, $"column '{schema.FindColumnName(id)}' (field id {id}) is not in the batch");
            }

            var child = arrays[index];
            current = current is null || current.NullCount == 0 ? child : WithParentNulls(child, current);
            if (child.Type is ArrowStructType st)
            {
                var structArray = (StructArray)child;
                fields = st.Fields;
                var children = new ArrowArray[st.Fields.Count];
                for (var c = 0; c < children.Length; c++)
                {
                    children[c] = structArray.Field(c);
                }

                arrays = children;
            }
        }

        return current!;
    }

    private static int IndexOf(IReadOnlyList<Field> fields, int id, string name)
    {
        var idText = id.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].GetMetadata(ArrowSchemaConverter.FieldIdKey) == idText)
            {
                return i;
            }
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].GetMetadata(ArrowSchemaConverter.FieldIdKey) is null && string.Equals(fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The child with validity AND-ed with its parent's (same length and logical positions; the child keeps its offset).</summary>
    private static ArrowArray WithParentNulls(ArrowArray child, ArrowArray parent)
    {
        var length = child.Length;
        var offset = child.Offset;
        var bits = BufferAllocator.Allocate(BitUtil.BytesForBits((long)offset + length));
        var span = bits.Span;
        var childBits = child.ValidityBitmap;
        var parentBits = parent.ValidityBitmap;
        var nulls = 0;
        for (var i = 0; i < length; i++)
        {
            if ((childBits.IsEmpty || BitUtil.GetBit(childBits, offset + i)) && (parentBits.IsEmpty || BitUtil.GetBit(parentBits, parent.Offset + i)))
            {
                BitUtil.SetBit(span, offset + i);
            }
            else
            {
                nulls++;
            }
        }

        var data = child.Data;
        var buffers = (ArrowBuffer[])data.Buffers.Clone();
        buffers[0] = new ArrowBuffer(bits);
        return ArrowArray.Create(new ArrayData(data.Type, length, nulls, offset, buffers, data.Children, data.Dictionary));
    }
}
