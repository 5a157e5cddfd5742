using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Reading;

/// <summary>What a row-group predicate sees: row count and each column chunk's statistics (by dotted path or leaf index).</summary>
public sealed class RowGroupStatistics
{
    private readonly ParquetReader _reader;
    private readonly ColumnChunkStatistics?[] _columns;

    internal RowGroupStatistics(ParquetReader reader, int index)
    {
        _reader = reader;
        Index = index;
        RowGroup = reader.Metadata.RowGroups[index];
        _columns = new ColumnChunkStatistics?[reader.ParquetSchema.Leaves.Count];
    }

    public int Index { get; }

    public RowGroup RowGroup { get; }

    public long NumRows => RowGroup.NumRows;

    public int ColumnCount => _columns.Length;

    public ColumnChunkStatistics this[int leafIndex]
    {
        get
        {
            if (_columns[leafIndex] is { } s)
            {
                return s;
            }

            var meta = RowGroup.Columns[leafIndex].MetaData ?? new ColumnMetaData();
            return _columns[leafIndex] = new ColumnChunkStatistics(_reader.ParquetSchema.Leaves[leafIndex], meta);
        }
    }

    /// <summary>Statistics of the leaf column whose schema element carries <paramref name="fieldId"/> (Iceberg field ids), or null.</summary>
    public ColumnChunkStatistics? FindByFieldId(int fieldId)
    {
        var leaves = _reader.ParquetSchema.Leaves;
        for (var i = 0; i < leaves.Count; i++)
        {
            if (leaves[i].Element.FieldId == fieldId)
            {
                return this[i];
            }
        }

        return null;
    }

    /// <summary>Statistics of the leaf column at <paramref name="dottedPath"/> (e.g. <c>a.b</c>), or null.</summary>
    public ColumnChunkStatistics? Find(string dottedPath)
    {
        var leaves = _reader.ParquetSchema.Leaves;
        for (var i = 0; i < leaves.Count; i++)
        {
            if (string.Equals(leaves[i].DottedPath, dottedPath, StringComparison.Ordinal))
            {
                return this[i];
            }
        }

        return null;
    }
}
