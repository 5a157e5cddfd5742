using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Arrow;

/// <summary>Equal-length columns under a schema: the unit that flows between readers, operators and writers.</summary>
public sealed class RecordBatch
{
    public RecordBatch(Schema schema, IReadOnlyList<ArrowArray> columns, int length)
    {
        if (columns.Count != schema.Count)
        {
            throw new ArgumentException($"schema has {schema.Count} fields but {columns.Count} columns were given", nameof(columns));
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != length)
            {
                throw new ArgumentException($"column {i} ('{schema[i].Name}') has {columns[i].Length} rows, expected {length}", nameof(columns));
            }
        }

        Schema = schema;
        Columns = columns;
        Length = length;
    }

    public Schema Schema { get; }

    public IReadOnlyList<ArrowArray> Columns { get; }

    public int Length { get; }

    public int ColumnCount => Columns.Count;

    public ArrowArray Column(int index) => Columns[index];

    public ArrowArray? Column(string name)
    {
        var i = Schema.IndexOf(name);
        return i < 0 ? null : Columns[i];
    }

    /// <summary>A zero-copy view of rows [offset, offset + length).</summary>
    public RecordBatch Slice(int offset, int length)
    {
        var cols = new ArrowArray[Columns.Count];
        for (var i = 0; i < cols.Length; i++)
        {
            cols[i] = Columns[i].Slice(offset, length);
        }

        return new RecordBatch(Schema, cols, length);
    }

    public override string ToString() => $"RecordBatch[{Length} rows x {ColumnCount} columns]";
}
