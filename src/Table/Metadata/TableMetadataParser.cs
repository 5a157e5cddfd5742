using System.IO.Compression;
using System.Text.Json;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Metadata;

/// <summary>
/// Reads table metadata JSON (format v1, v2, v3; plain or gzip-compressed, detected by content) into the
/// <see cref="TableMetadata"/> model. v1 fields (<c>schema</c>, <c>partition-spec</c>) are upgraded to the
/// v2 model; unknown fields are ignored; a missing or malformed required field throws an
/// <see cref="IcebergException"/> naming the file and the field.
/// </summary>
public static partial class TableMetadataParser
{
    /// <summary>Reads a metadata file from the local file system.</summary>
    public static TableMetadata ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"cannot read table metadata {path}: {ex.Message}", ex);
        }

        return Parse(bytes, path);
    }

    public static async Task<TableMetadata> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"cannot read table metadata {path}: {ex.Message}", ex);
        }

        return Parse(bytes, path);
    }

    /// <summary>Reads a metadata file through a FileIO; the result's <see cref="TableMetadata.MetadataFileLocation"/> is the file's location.</summary>
    public static async Task<TableMetadata> ReadAsync(IO.IInputFile file, CancellationToken cancellationToken = default)
    {
        var bytes = await file.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
        return Parse(bytes, file.Location);
    }

    /// <summary>Parses metadata bytes; gzip content (magic 1f 8b) is decompressed first.</summary>
    public static TableMetadata Parse(ReadOnlyMemory<byte> bytes, string? source = null)
    {
        var span = bytes.Span;
        if (span.Length >= 2 && span[0] == 0x1f && span[1] == 0x8b)
        {
            bytes = Gunzip(bytes, source);
            span = bytes.Span;
        }

        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"Invalid table metadata{(source is null ? string.Empty : " " + source)}: not valid JSON ({ex.Message})", ex);
        }

        using (doc)
        {
            return Read(doc.RootElement, source);
        }
    }

    public static TableMetadata Parse(string json, string? source = null) => Parse(System.Text.Encoding.UTF8.GetBytes(json), source);

    internal static TableMetadata Read(JsonElement root, string? source)
    {
        var path = new JsonPath(source, string.Empty);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw IcebergException.InvalidMetadata(source, "(root)", "must be a JSON object");
        }

        var formatVersion = path.RequiredInt(root, "format-version");
        if (formatVersion > TableMetadata.SupportedFormatVersion)
        {
            throw IcebergException.NotSupported($"table format version {formatVersion} (this implementation reads versions 1 to {TableMetadata.SupportedFormatVersion}){(source is null ? string.Empty : " in " + source)}");
        }

        if (formatVersion < 1)
        {
            throw path.Child("format-version").Error($"must be 1, 2 or 3, got {formatVersion}");
        }

        var v1 = formatVersion == 1;
        var tableUuid = v1 ? path.OptionalString(root, "table-uuid") : path.RequiredString(root, "table-uuid");
        var location = path.RequiredString(root, "location");
        var lastSequenceNumber = v1 ? path.OptionalLong(root, "last-sequence-number") ?? 0 : path.RequiredLong(root, "last-sequence-number");
        var lastUpdatedMs = path.RequiredLong(root, "last-updated-ms");
        var lastColumnId = path.RequiredInt(root, "last-column-id");

        var (schemas, currentSchemaId) = ReadSchemas(root, path, v1);
        var (specs, defaultSpecId) = ReadSpecs(root, path, v1);
        var lastPartitionId = path.OptionalInt(root, "last-partition-id")
            ?? (v1 ? Math.Max(PartitionSpec.FirstPartitionFieldId - 1, specs.Count == 0 ? 0 : specs.Max(s => s.LastAssignedFieldId)) : throw path.Child("last-partition-id").Error("is missing"));
        var (sortOrders, defaultSortOrderId) = ReadSortOrders(root, path, v1);

        var properties = path.StringMap(root, "properties");
        var currentSnapshotId = path.OptionalLong(root, "current-snapshot-id");
        if (currentSnapshotId == -1)
        {
            currentSnapshotId = null;
        }

        var snapshots = ReadSnapshots(root, path, formatVersion);
        var refs = ReadRefs(root, path);
        if (currentSnapshotId is { } current && !refs.ContainsKey(SnapshotRef.MainBranch))
        {
            refs[SnapshotRef.MainBranch] = new SnapshotRef(current, SnapshotRefType.Branch);
        }

        return new TableMetadata
        {
            FormatVersion = formatVersion,
            MetadataFileLocation = source,
            TableUuid = tableUuid,
            Location = location,
            LastSequenceNumber = lastSequenceNumber,
            LastUpdatedMs = lastUpdatedMs,
            LastColumnId = lastColumnId,
            Schemas = schemas,
            CurrentSchemaId = currentSchemaId,
            PartitionSpecs = specs,
            DefaultSpecId = defaultSpecId,
            LastPartitionId = lastPartitionId,
            Properties = properties,
            CurrentSnapshotId = currentSnapshotId,
            Snapshots = snapshots,
            SnapshotLog = ReadSnapshotLog(root, path),
            MetadataLog = ReadMetadataLog(root, path),
            SortOrders = sortOrders,
            DefaultSortOrderId = defaultSortOrderId,
            Refs = refs,
            Statistics = ReadStatistics(root, path),
            PartitionStatistics = ReadPartitionStatistics(root, path),
            NextRowId = formatVersion >= 3 ? path.OptionalLong(root, "next-row-id") ?? 0 : path.OptionalLong(root, "next-row-id"),
            EncryptionKeys = ReadEncryptionKeys(root, path),
        };
    }

    private static ReadOnlyMemory<byte> Gunzip(ReadOnlyMemory<byte> bytes, string? source)
    {
        try
        {
            using var input = new MemoryStream(bytes.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.GetBuffer().AsMemory(0, (int)output.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"Invalid table metadata{(source is null ? string.Empty : " " + source)}: corrupt gzip data ({ex.Message})", ex);
        }
    }

    private static (List<Schema> Schemas, int CurrentSchemaId) ReadSchemas(JsonElement root, JsonPath path, bool v1)
    {
        var schemas = new List<Schema>();
        if (JsonPath.TryGet(root, "schemas", out var array))
        {
            var p = path.Child("schemas");
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw p.Error("must be a list");
            }

            var i = 0;
            foreach (var s in array.EnumerateArray())
            {
                schemas.Add(SchemaParser.Read(s, p.Index(i++)));
            }

            var currentId = v1 ? path.OptionalInt(root, "current-schema-id") ?? schemas[0].SchemaId : path.RequiredInt(root, "current-schema-id");
            if (!schemas.Any(s => s.SchemaId == currentId))
            {
                throw path.Child("current-schema-id").Error($"is {currentId}, which is not the id of any schema in 'schemas'");
            }

            return (schemas, currentId);
        }

        if (!v1)
        {
            throw path.Child("schemas").Error("is missing");
        }

        var schema = SchemaParser.Read(path.RequiredObject(root, "schema"), path.Child("schema"));
        schemas.Add(schema);
        return (schemas, schema.SchemaId);
    }

    private static (List<PartitionSpec> Specs, int DefaultSpecId) ReadSpecs(JsonElement root, JsonPath path, bool v1)
    {
        var specs = new List<PartitionSpec>();
        if (JsonPath.TryGet(root, "partition-specs", out var array))
        {
            var p = path.Child("partition-specs");
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw p.Error("must be a list");
            }

            var i = 0;
            foreach (var s in array.EnumerateArray())
            {
                specs.Add(PartitionSpecParser.Read(s, p.Index(i++)));
            }

            var defaultId = v1 ? path.OptionalInt(root, "default-spec-id") ?? (specs.Count > 0 ? specs[0].SpecId : 0) : path.RequiredInt(root, "default-spec-id");
            if (specs.Count > 0 && !specs.Any(s => s.SpecId == defaultId))
            {
                throw path.Child("default-spec-id").Error($"is {defaultId}, which is not the id of any spec in 'partition-specs'");
            }

            return (specs, defaultId);
        }

        if (!v1)
        {
            throw path.Child("partition-specs").Error("is missing");
        }

        var fields = PartitionSpecParser.ReadFields(path.Required(root, "partition-spec"), path.Child("partition-spec"));
        specs.Add(new PartitionSpec(0, fields));
        return (specs, 0);
    }

    private static (List<SortOrder> Orders, int DefaultOrderId) ReadSortOrders(JsonElement root, JsonPath path, bool v1)
    {
        var orders = new List<SortOrder>();
        if (!JsonPath.TryGet(root, "sort-orders", out var array))
        {
            if (!v1)
            {
                throw path.Child("sort-orders").Error("is missing");
            }

            orders.Add(SortOrder.Unsorted);
            return (orders, 0);
        }

        var p = path.Child("sort-orders");
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw p.Error("must be a list");
        }

        var i = 0;
        foreach (var o in array.EnumerateArray())
        {
            orders.Add(SortOrderParser.Read(o, p.Index(i++)));
        }

        var defaultId = v1 ? path.OptionalInt(root, "default-sort-order-id") ?? (orders.Count > 0 ? orders[0].OrderId : 0) : path.RequiredInt(root, "default-sort-order-id");
        return (orders, defaultId);
    }
}
