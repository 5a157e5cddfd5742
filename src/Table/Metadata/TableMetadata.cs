using Lakehouse.Table.Types;

namespace Lakehouse.Table.Metadata;

/// <summary>
/// The table metadata of one metadata.json file (format v1, v2 or v3). v1 files are upgraded in memory to the
/// v2 model (schemas/partition-specs/sort-orders lists, sequence numbers 0) while <see cref="FormatVersion"/>
/// keeps the file's version. Read and write with <see cref="TableMetadataParser"/> and <see cref="TableMetadataWriter"/>.
/// </summary>
public sealed class TableMetadata : IEquatable<TableMetadata>
{
    public const int SupportedFormatVersion = 3;

    private NameMapping? _nameMapping;
    private bool _nameMappingParsed;

    public required int FormatVersion { get; init; }

    /// <summary>The file this metadata was read from, when known (not serialized, not part of equality).</summary>
    public string? MetadataFileLocation { get; init; }

    /// <summary>The table UUID as written (optional in v1).</summary>
    public string? TableUuid { get; init; }

    public required string Location { get; init; }

    public long LastSequenceNumber { get; init; }

    public required long LastUpdatedMs { get; init; }

    public required int LastColumnId { get; init; }

    public required IReadOnlyList<Schema> Schemas { get; init; }

    public required int CurrentSchemaId { get; init; }

    public required IReadOnlyList<PartitionSpec> PartitionSpecs { get; init; }

    public required int DefaultSpecId { get; init; }

    public required int LastPartitionId { get; init; }

    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The current snapshot id (Java's -1 "none" reads as null).</summary>
    public long? CurrentSnapshotId { get; init; }

    public IReadOnlyList<Snapshot> Snapshots { get; init; } = [];

    public IReadOnlyList<SnapshotLogEntry> SnapshotLog { get; init; } = [];

    public IReadOnlyList<MetadataLogEntry> MetadataLog { get; init; } = [];

    public required IReadOnlyList<SortOrder> SortOrders { get; init; }

    public required int DefaultSortOrderId { get; init; }

    /// <summary>Branches and tags by name; contains "main" whenever there is a current snapshot.</summary>
    public IReadOnlyDictionary<string, SnapshotRef> Refs { get; init; } = new Dictionary<string, SnapshotRef>();

    public IReadOnlyList<StatisticsFile> Statistics { get; init; } = [];

    public IReadOnlyList<PartitionStatisticsFile> PartitionStatistics { get; init; } = [];

    /// <summary>v3 row lineage: the next row id to assign.</summary>
    public long? NextRowId { get; init; }

    public IReadOnlyList<EncryptionKey> EncryptionKeys { get; init; } = [];

    public Schema CurrentSchema => SchemaById(CurrentSchemaId)
        ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"current-schema-id {CurrentSchemaId} is not in schemas");

    public PartitionSpec DefaultSpec => SpecById(DefaultSpecId)
        ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"default-spec-id {DefaultSpecId} is not in partition-specs");

    public SortOrder DefaultSortOrder => SortOrderById(DefaultSortOrderId)
        ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"default-sort-order-id {DefaultSortOrderId} is not in sort-orders");

    public Snapshot? CurrentSnapshot => CurrentSnapshotId is { } id ? SnapshotById(id) : null;

    /// <summary>The parsed <c>schema.name-mapping.default</c> property, or null when absent.</summary>
    public NameMapping? NameMapping
    {
        get
        {
            if (!_nameMappingParsed)
            {
                _nameMapping = Properties.TryGetValue(NameMapping.DefaultPropertyKey, out var json) ? NameMapping.Parse(json, MetadataFileLocation) : null;
                _nameMappingParsed = true;
            }

            return _nameMapping;
        }
    }

    /// <summary>A copy of this metadata recorded as read from (or written to) <paramref name="location"/>.</summary>
    public TableMetadata WithMetadataFileLocation(string? location) => new()
    {
        FormatVersion = FormatVersion,
        MetadataFileLocation = location,
        TableUuid = TableUuid,
        Location = Location,
        LastSequenceNumber = LastSequenceNumber,
        LastUpdatedMs = LastUpdatedMs,
        LastColumnId = LastColumnId,
        Schemas = Schemas,
        CurrentSchemaId = CurrentSchemaId,
        PartitionSpecs = PartitionSpecs,
        DefaultSpecId = DefaultSpecId,
        LastPartitionId = LastPartitionId,
        Properties = Properties,
        CurrentSnapshotId = CurrentSnapshotId,
        Snapshots = Snapshots,
        SnapshotLog = SnapshotLog,
        MetadataLog = MetadataLog,
        SortOrders = SortOrders,
        DefaultSortOrderId = DefaultSortOrderId,
        Refs = Refs,
        Statistics = Statistics,
        PartitionStatistics = PartitionStatistics,
        NextRowId = NextRowId,
        EncryptionKeys = EncryptionKeys,
    };

    public Schema? SchemaById(int schemaId)
    {
        foreach (var s in Schemas)
        {
            if (s.SchemaId == schemaId)
            {
                return s;
            }
        }

        return null;
    }

    public PartitionSpec? SpecById(int specId)
    {
        foreach (var s in PartitionSpecs)
        {
            if (s.SpecId == specId)
            {
                return s;
            }
        }

        return null;
    }

    public SortOrder? SortOrderById(int orderId)
    {
        foreach (var s in SortOrders)
        {
            if (s.OrderId == orderId)
            {
                return s;
            }
        }

        return null;
    }

    public Snapshot? SnapshotById(long snapshotId)
    {
        foreach (var s in Snapshots)
        {
            if (s.SnapshotId == snapshotId)
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>The snapshot a branch or tag points to.</summary>
    public Snapshot SnapshotForRef(string name)
    {
        if (!Refs.TryGetValue(name, out var r))
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"table has no branch or tag named '{name}'");
        }

        return SnapshotById(r.SnapshotId) ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"ref '{name}' points to snapshot {r.SnapshotId}, which is not in snapshots");
    }

    /// <summary>
    /// The snapshot that was current at <paramref name="timestampMs"/>, from the snapshot log (the last entry at
    /// or before the time), as the spec recommends for time travel; throws when there is none.
    /// </summary>
    public Snapshot SnapshotAsOf(long timestampMs)
    {
        SnapshotLogEntry? found = null;
        foreach (var e in SnapshotLog)
        {
            if (e.TimestampMs <= timestampMs)
            {
                found = e;
            }
        }

        if (found is null)
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"no snapshot was current at or before {DateTimeOffset.FromUnixTimeMilliseconds(timestampMs):O} (snapshot-log has {SnapshotLog.Count} entries)");
        }

        return SnapshotById(found.SnapshotId)
            ?? throw new IcebergException(IcebergErrorKind.NotFound, $"snapshot {found.SnapshotId}, current at {DateTimeOffset.FromUnixTimeMilliseconds(found.TimestampMs):O}, has expired");
    }

    /// <summary>The highest partition field id over all specs.</summary>
    public int HighestPartitionFieldId() => PartitionSpecs.Count == 0 ? PartitionSpec.FirstPartitionFieldId - 1 : PartitionSpecs.Max(s => s.LastAssignedFieldId);

    public bool Equals(TableMetadata? other) =>
        other is not null && other.FormatVersion == FormatVersion
        && string.Equals(other.TableUuid, TableUuid, StringComparison.Ordinal)
        && string.Equals(other.Location, Location, StringComparison.Ordinal)
        && other.LastSequenceNumber == LastSequenceNumber && other.LastUpdatedMs == LastUpdatedMs
        && other.LastColumnId == LastColumnId && Equality.Lists(other.Schemas, Schemas) && other.CurrentSchemaId == CurrentSchemaId
        && Equality.Lists(other.PartitionSpecs, PartitionSpecs) && other.DefaultSpecId == DefaultSpecId
        && other.LastPartitionId == LastPartitionId && Equality.Maps(other.Properties, Properties)
        && other.CurrentSnapshotId == CurrentSnapshotId && Equality.Lists(other.Snapshots, Snapshots)
        && Equality.Lists(other.SnapshotLog, SnapshotLog) && Equality.Lists(other.MetadataLog, MetadataLog)
        && Equality.Lists(other.SortOrders, SortOrders) && other.DefaultSortOrderId == DefaultSortOrderId
        && Equality.Maps(other.Refs, Refs) && Equality.Lists(other.Statistics, Statistics)
        && Equality.Lists(other.PartitionStatistics, PartitionStatistics) && other.NextRowId == NextRowId
        && Equality.Lists(other.EncryptionKeys, EncryptionKeys);

    public override bool Equals(object? obj) => obj is TableMetadata m && Equals(m);

    public override int GetHashCode() => HashCode.Combine(TableUuid, LastUpdatedMs);

    public override string ToString() => $"table {TableUuid} v{FormatVersion} at {Location}";
}
