using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;

namespace Lakehouse.Sql.Execution;

/// <summary>
/// The unit operators pass along: column arrays of equal length (the engine's storage types). A chunk
/// that a filter passes untouched is passed by reference, not copied.
/// </summary>
public sealed class DataChunk
{
    public DataChunk(ArrowArray[] columns, int length)
    {
        Columns = columns;
        Length = length;
    }

    public ArrowArray[] Columns { get; }

    public int Length { get; }

    public int ColumnCount => Columns.Length;

    public static DataChunk FromBatch(RecordBatch batch)
    {
        var cols = new ArrowArray[batch.ColumnCount];
        for (var i = 0; i < cols.Length; i++)
        {
            cols[i] = batch.Column(i);
        }

        return new DataChunk(cols, batch.Length);
    }

    /// <summary>The rows at <paramref name="rows"/> (in that order; -1 gives a null row).</summary>
    public DataChunk Gather(ReadOnlySpan<int> rows)
    {
        var cols = new ArrowArray[Columns.Length];
        for (var i = 0; i < cols.Length; i++)
        {
            cols[i] = ArrayGather.Gather(Columns[i], rows);
        }

        return new DataChunk(cols, rows.Length);
    }

    public DataChunk Slice(int offset, int length)
    {
        if (offset == 0 && length == Length)
        {
            return this;
        }

        var cols = new ArrowArray[Columns.Length];
        for (var i = 0; i < cols.Length; i++)
        {
            cols[i] = Columns[i].Slice(offset, length);
        }

        return new DataChunk(cols, length);
    }

    public RecordBatch ToRecordBatch(Schema schema) => new(schema, Columns, Length);
}
