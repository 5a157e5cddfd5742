using Lakehouse.Arrow;
using Lakehouse.Parquet.Writing;
using Lakehouse.Table.IO;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;
using Schema = Lakehouse.Table.Types.Schema;

namespace Lakehouse.Table.Writing;

/// <summary>One open Parquet data file of a <see cref="TableWriter"/>, for one partition tuple.</summary>
internal sealed class PartitionFileWriter
{
    private readonly ParquetWriter _writer;
    private readonly PartitionSpec _spec;
    private readonly object?[] _partition;
    private readonly Schema _schema;
    private readonly TableMetadata _metadata;
    private readonly IFileIO _fileIO;
    private long _rows;

    public PartitionFileWriter(string location, ParquetWriter writer, PartitionSpec spec, object?[] partition, Schema schema, TableMetadata metadata, IFileIO fileIO)
    {
        Location = location;
        _writer = writer;
        _spec = spec;
        _partition = partition;
        _schema = schema;
        _metadata = metadata;
        _fileIO = fileIO;
    }

    public string Location { get; }

    /// <summary>Bytes written so far (whole row groups).</summary>
    public long Length => _writer.BytesWritten;

    public async Task WriteAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        await _writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        _rows += batch.Length;
    }

    public async Task<DataFile> CloseAsync(CancellationToken cancellationToken)
    {
        var footer = await _writer.CloseAsync(cancellationToken).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        var metrics = DataFileMetrics.From(_writer.ColumnMetrics, _schema, _metadata.Properties);
        var splits = new List<long>(footer.RowGroups.Count);
        foreach (var rg in footer.RowGroups)
        {
            if (rg.FileOffset is { } offset)
            {
                splits.Add(offset);
            }
            else if (rg.Columns.Count > 0 && rg.Columns[0].MetaData is { } cm)
            {
                splits.Add(cm.DictionaryPageOffset is { } d && d > 0 ? Math.Min(d, cm.DataPageOffset) : cm.DataPageOffset);
            }
        }

        splits.Sort();
        return new DataFile
        {
            Content = FileContent.Data,
            FilePath = Location,
            FileFormat = "PARQUET",
            SpecId = _spec.SpecId,
            Partition = _partition,
            RecordCount = _rows,
            FileSizeInBytes = _writer.BytesWritten,
            ColumnSizes = metrics.ColumnSizes,
            ValueCounts = metrics.ValueCounts,
            NullValueCounts = metrics.NullValueCounts,
            NanValueCounts = metrics.NanValueCounts,
            LowerBounds = metrics.LowerBounds,
            UpperBounds = metrics.UpperBounds,
            SplitOffsets = splits,
        };
    }

    public async Task AbortAsync()
    {
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await _fileIO.DeleteFileAsync(Location).ConfigureAwait(false);
        }
    }
}
