using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;

namespace Lakehouse.Table.MetadataTables;

/// <summary>Row-by-row builder of a metadata table that cuts a batch every <see cref="BatchRows"/> rows.</summary>
internal sealed class MetadataBatchBuilder
{
    public const int BatchRows = 8192;
    private readonly RecordBatchBuilder _builder;
    private readonly List<RecordBatch> _batches = [];

    public MetadataBatchBuilder(Schema schema)
    {
        _builder = new RecordBatchBuilder(schema);
    }

    public Schema Schema => _builder.Schema;

    public void AppendRow(params object?[] values)
    {
        _builder.AppendRow(values);
        if (_builder.Length >= BatchRows)
        {
            _batches.Add(_builder.Build());
        }
    }

    public MetadataTableData Build(MetadataTableType kind)
    {
        if (_builder.Length > 0)
        {
            _batches.Add(_builder.Build());
        }

        return new MetadataTableData(kind, _builder.Schema, _batches);
    }
}
