using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution;

/// <summary>All rows of an input collected into one array per column (blocking operators' buffer).</summary>
public sealed class MaterializedTable
{
    public MaterializedTable(ArrowArray[] columns, int rowCount, long bytes)
    {
        Columns = columns;
        RowCount = rowCount;
        Bytes = bytes;
    }

    public ArrowArray[] Columns { get; }

    public int RowCount { get; }

    public long Bytes { get; }

    public DataChunk AsChunk() => new(Columns, RowCount);

    public static async Task<MaterializedTable> CollectAsync(PhysicalOperator input, IReadOnlyList<PlanColumn> columns, QueryContext context, string what)
    {
        var parts = new List<ArrowArray>[columns.Count];
        for (var c = 0; c < parts.Length; c++)
        {
            parts[c] = [];
        }

        long rows = 0;
        long bytes = 0;
        await foreach (var chunk in input.ExecuteAsync(context).ConfigureAwait(false))
        {
            long chunkBytes = 0;
            for (var c = 0; c < parts.Length; c++)
            {
                parts[c].Add(chunk.Columns[c]);
                chunkBytes += EstimateBytes(chunk.Columns[c]);
            }

            chunkBytes += 8;
            rows += chunk.Length;
            if (rows > int.MaxValue / 2)
            {
                throw new SqlException(SqlErrorKind.Execution, $"{what} input is too large (more than {int.MaxValue / 2} rows)");
            }

            bytes += chunkBytes;
            context.Memory.Add(chunkBytes, what);
        }

        var cols = new ArrowArray[columns.Count];
        for (var c = 0; c < cols.Length; c++)
        {
            cols[c] = parts[c].Count == 0 ? ArrayFactory.Empty(columns[c].Type.ArrowType) : ArrayGather.Concat(parts[c], columns[c].Type.ArrowType);
        }

        return new MaterializedTable(cols, (int)rows, bytes);
    }

    /// <summary>Approximate bytes of the slots of <paramref name="array"/> (slices count only their share).</summary>
    public static long EstimateBytes(ArrowArray array)
    {
        long n = array.Length;
        var bits = array.Type.BitWidth;
        long total = (n + 7) / 8;
        if (bits > 0)
        {
            return total + (n * bits / 8);
        }

        switch (array)
        {
            case BinaryArray b:
                {
                    var offsets = b.ValueOffsets;
                    return total + (n * 4) + (offsets.Length > 0 ? offsets[^1] - offsets[0] : 0);
                }

            case ListArray l:
                {
                    var offsets = l.ValueOffsets;
                    var childLength = offsets.Length > 0 ? offsets[^1] - offsets[0] : 0;
                    return total + (n * 4) + (l.Values.Length == 0 ? 0 : EstimateBytes(l.Values) * childLength / l.Values.Length);
                }

            case StructArray s:
                for (var i = 0; i < s.Data.Children.Length; i++)
                {
                    total += EstimateBytes(s.Field(i));
                }

                return total;
            default:
                return total + (n * 8);
        }
    }
}
