using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Ingest.Iceberg;

/// <summary>
/// Gives a decoded batch the table's Arrow field types (which carry Iceberg field ids on nested fields, e.g. a
/// map's key and value) without copying: same buffers, children relabelled. Only the labels differ; the
/// physical layout is the decoder's, which the table schema was created from.
/// </summary>
internal static class ArrowRetyping
{
    public static RecordBatch To(RecordBatch batch, Schema tableSchema)
    {
        var columns = new ArrowArray[batch.ColumnCount];
        var fields = new List<Field>(batch.ColumnCount);
        for (var i = 0; i < batch.ColumnCount; i++)
        {
            var field = batch.Schema.Fields[i];
            var target = FindField(tableSchema, field.Name);
            columns[i] = target is null || target.Type.Equals(field.Type)
                ? batch.Column(i)
                : ArrowArray.Create(Retype(batch.Column(i).Data, target.Type));
            fields.Add(target ?? field);
        }

        return new RecordBatch(new Schema(fields), columns, batch.Length);
    }

    private static Field? FindField(Schema schema, string name)
    {
        foreach (var f in schema.Fields)
        {
            if (string.Equals(f.Name, name, StringComparison.Ordinal))
            {
                return f;
            }
        }

        return null;
    }

    private static ArrayData Retype(ArrayData data, ArrowType type)
    {
        var childTypes = type switch
        {
            ListType l => [l.ValueField.Type],
            MapType m => [m.EntriesField.Type],
            StructType s => s.Fields.Select(f => f.Type).ToArray(),
            _ => Array.Empty<ArrowType>(),
        };
        var children = data.Children;
        if (childTypes.Length == children.Length && children.Length > 0)
        {
            children = new ArrayData[children.Length];
            for (var i = 0; i < children.Length; i++)
            {
                children[i] = Retype(data.Children[i], childTypes[i]);
            }
        }

        return new ArrayData(type, data.Length, data.NullCount, data.Offset, data.Buffers, children, data.Dictionary);
    }
}
