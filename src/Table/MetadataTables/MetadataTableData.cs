using Lakehouse.Arrow;

namespace Lakehouse.Table.MetadataTables;

/// <summary>The rows of one metadata table: its Arrow schema and batches (every batch has <see cref="Schema"/>).</summary>
public sealed class MetadataTableData
{
    public MetadataTableData(MetadataTableType kind, Schema schema, IReadOnlyList<RecordBatch> batches)
    {
        Kind = kind;
        Schema = schema;
        Batches = batches;
    }

    public MetadataTableType Kind { get; }

    public Schema Schema { get; }

    public IReadOnlyList<RecordBatch> Batches { get; }

    public long RowCount
    {
        get
        {
            long n = 0;
            foreach (var b in Batches)
            {
                n += b.Length;
            }

            return n;
        }
    }
}
