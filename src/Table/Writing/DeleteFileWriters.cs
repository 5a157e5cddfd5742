using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Writing;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Types;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;
using Schema = Lakehouse.Table.Types.Schema;

namespace Lakehouse.Table.Writing;

/// <summary>
/// Writers of v2 delete files as Parquet: position deletes (<c>file_path</c> id 2147483546, <c>pos</c> id 2147483545,
/// sorted by path then position) and equality deletes (the rows' equality columns with the table's field ids). Each
/// returns the <see cref="DataFile"/> to commit with a row delta.
/// </summary>
public static class DeleteFileWriters
{
    public const int FilePathFieldId = 2147483546;
    public const int PosFieldId = 2147483545;

    /// <summary>The position delete schema (file_path, pos).</summary>
    public static Schema PositionDeleteSchema { get; } = new(
    [
        NestedField.Required(FilePathFieldId, "file_path", PrimitiveType.String),
        NestedField.Required(PosFieldId, "pos", PrimitiveType.Long),
    ]);

    /// <summary>
    /// Writes position deletes for files of one partition (<paramref name="partition"/> of the default spec); the file
    /// records <c>referenced_data_file</c> when every delete is for one data file.
    /// </summary>
    public static async Task<DataFile> WritePositionDeletesAsync(
        TableOperations operations, IReadOnlyList<(string FilePath, long Position)> deletes, IReadOnlyList<object?>? partition = null, CancellationToken cancellationToken = default)
    {
        var metadata = await operations.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var sorted = deletes.OrderBy(d => d.FilePath, StringComparer.Ordinal).ThenBy(d => d.Position).ToList();
        var paths = new BinaryBuilder(ArrowType.Utf8);
        var positions = new PrimitiveBuilder<long>(ArrowType.Int64);
        foreach (var (path, pos) in sorted)
        {
            paths.Append(path);
            positions.Append(pos);
        }

        var arrowSchema = ArrowSchemaConverter.ToArrow(PositionDeleteSchema);
        var batch = new RecordBatch(arrowSchema, [paths.Build(), positions.Build()], sorted.Count);
        var referenced = sorted.Count > 0 && sorted[0].FilePath == sorted[^1].FilePath ? sorted[0].FilePath : null;
        return await WriteAsync(operations, metadata, PositionDeleteSchema, batch, FileContent.PositionDeletes, null, partition, referenced, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes equality deletes: <paramref name="rows"/> holds the columns of <paramref name="equalityFieldIds"/> (by field id
    /// or name); a row deletes every earlier row with equal values in those columns.
    /// </summary>
    public static async Task<DataFile> WriteEqualityDeletesAsync(
        TableOperations operations, IReadOnlyList<int> equalityFieldIds, RecordBatch rows, IReadOnlyList<object?>? partition = null, CancellationToken cancellationToken = default)
    {
        var metadata = await operations.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var tableSchema = metadata.CurrentSchema;
        var fields = new List<NestedField>(equalityFieldIds.Count);
        foreach (var id in equalityFieldIds)
        {
            var f = tableSchema.FindField(id) ?? throw IcebergException.Invalid($"equality field id {id} is not in the schema");
            if (f.Type is not PrimitiveType)
            {
                throw IcebergException.Invalid($"equality field '{f.Name}' must be a primitive column");
            }

            fields.Add(f);
        }

        var schema = new Schema(tableSchema.SchemaId, fields);
        var arrowSchema = ArrowSchemaConverter.ToArrow(schema);
        var columns = new ArrowArray[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            var id = fields[i].Id.ToString(CultureInfo.InvariantCulture);
            var index = -1;
            for (var j = 0; j < rows.ColumnCount && index < 0; j++)
            {
                var rf = rows.Schema.Fields[j];
                if (rf.GetMetadata(ArrowSchemaConverter.FieldIdKey) == id || string.Equals(rf.Name, fields[i].Name, StringComparison.Ordinal))
                {
                    index = j;
                }
            }

            columns[i] = index >= 0 ? rows.Column(index) : throw IcebergException.Invalid($"the delete rows have no column '{fields[i].Name}'");
        }

        var batch = new RecordBatch(arrowSchema, columns, rows.Length);
        return await WriteAsync(operations, metadata, schema, batch, FileContent.EqualityDeletes, equalityFieldIds, partition, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DataFile> WriteAsync(
        TableOperations operations,
        TableMetadata metadata,
        Schema schema,
        RecordBatch batch,
        FileContent content,
        IReadOnlyList<int>? equalityIds,
        IReadOnlyList<object?>? partition,
        string? referencedDataFile,
        CancellationToken cancellationToken)
    {
        var spec = metadata.DefaultSpec;
        var values = partition ?? [];
        if (values.Count != spec.Fields.Count)
        {
            throw IcebergException.Invalid($"delete file partition has {values.Count} values; spec {spec.SpecId} has {spec.Fields.Count} fields");
        }

        var folder = WriteProperties.DataFolder(metadata);
        if (!spec.IsUnpartitioned)
        {
            folder += "/" + spec.PartitionPath(values, metadata.CurrentSchema);
        }

        var kind = content == FileContent.PositionDeletes ? "deletes" : "eq-deletes";
        var file = operations.FileIO.NewOutputFile($"{folder}/00000-0-{Guid.NewGuid()}-00001-{kind}.parquet");
        var stream = await file.CreateAsync(overwrite: false, cancellationToken).ConfigureAwait(false);
        var writer = new ParquetWriter(stream, batch.Schema);
        await using (writer.ConfigureAwait(false))
        {
            if (batch.Length > 0)
            {
                await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            await writer.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        var metrics = DataFileMetrics.From(writer.ColumnMetrics, schema, metadata.Properties);
        return new DataFile
        {
            Content = content,
            FilePath = file.Location,
            FileFormat = "PARQUET",
            SpecId = spec.SpecId,
            Partition = values,
            RecordCount = batch.Length,
            FileSizeInBytes = writer.BytesWritten,
            ColumnSizes = metrics.ColumnSizes,
            ValueCounts = metrics.ValueCounts,
            NullValueCounts = metrics.NullValueCounts,
            NanValueCounts = metrics.NanValueCounts,
            LowerBounds = metrics.LowerBounds,
            UpperBounds = metrics.UpperBounds,
            EqualityIds = equalityIds,
            ReferencedDataFile = referencedDataFile,
        };
    }
}
