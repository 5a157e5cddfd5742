using Lakehouse.Table.Types;

namespace Lakehouse.Table.Metadata;

/// <summary>
/// Builds the next <see cref="TableMetadata"/> from a base (or a new table) by applying the spec's metadata
/// updates (the REST API's <c>TableUpdate</c> actions: add-schema, set-current-schema, add-spec, add-snapshot,
/// set-snapshot-ref...). <see cref="Build"/> validates ids and references and maintains last-updated-ms, the
/// snapshot log, the metadata log (the base's file, trimmed to <c>write.metadata.previous-versions-max</c>),
/// last-sequence-number and v3 next-row-id. Not thread-safe; one builder per commit attempt.
/// </summary>
public sealed partial class TableMetadataBuilder
{
    /// <summary>Passed to the Set* methods to mean "the one added last in this builder" (as the REST API's -1).</summary>
    public const int LastAdded = -1;

    private readonly TableMetadata? _base;
    private readonly List<string> _changes = [];
    private readonly TimeProvider _time;

    private int _formatVersion;
    private string? _uuid;
    private string _location;
    private long _lastSequenceNumber;
    private long? _lastUpdatedMs;
    private int _lastColumnId;
    private readonly List<Schema> _schemas;
    private int _currentSchemaId;
    private readonly List<PartitionSpec> _specs;
    private int _defaultSpecId;
    private int _lastPartitionId;
    private readonly Dictionary<string, string> _properties;
    private long? _currentSnapshotId;
    private readonly List<Snapshot> _snapshots;
    private readonly List<SnapshotLogEntry> _snapshotLog;
    private readonly List<SortOrder> _sortOrders;
    private int _defaultSortOrderId;
    private readonly Dictionary<string, SnapshotRef> _refs;
    private readonly List<StatisticsFile> _statistics;
    private readonly List<PartitionStatisticsFile> _partitionStatistics;
    private long? _nextRowId;
    private readonly List<EncryptionKey> _encryptionKeys;
    private readonly HashSet<long> _addedSnapshotIds = [];
    private int? _lastAddedSchemaId;
    private int? _lastAddedSpecId;
    private int? _lastAddedOrderId;
    private string? _previousFileLocation;

    private TableMetadataBuilder(TableMetadata? baseMetadata, int formatVersion, string location, TimeProvider? time)
    {
        _time = time ?? TimeProvider.System;
        _base = baseMetadata;
        _formatVersion = formatVersion;
        _location = location;
        if (baseMetadata is null)
        {
            _schemas = [];
            _specs = [];
            _properties = new Dictionary<string, string>(StringComparer.Ordinal);
            _snapshots = [];
            _snapshotLog = [];
            _sortOrders = [];
            _refs = new Dictionary<string, SnapshotRef>(StringComparer.Ordinal);
            _statistics = [];
            _partitionStatistics = [];
            _encryptionKeys = [];
            _currentSchemaId = -1;
            _defaultSpecId = -1;
            _defaultSortOrderId = -1;
            _lastPartitionId = PartitionSpec.FirstPartitionFieldId - 1;
            _nextRowId = formatVersion >= 3 ? 0 : null;
            return;
        }

        var b = baseMetadata;
        _uuid = b.TableUuid;
        _lastSequenceNumber = b.LastSequenceNumber;
        _lastColumnId = b.LastColumnId;
        _schemas = [.. b.Schemas];
        _currentSchemaId = b.CurrentSchemaId;
        _specs = [.. b.PartitionSpecs];
        _defaultSpecId = b.DefaultSpecId;
        _lastPartitionId = b.LastPartitionId;
        _properties = new Dictionary<string, string>(b.Properties, StringComparer.Ordinal);
        _currentSnapshotId = b.CurrentSnapshotId;
        _snapshots = [.. b.Snapshots];
        _snapshotLog = [.. b.SnapshotLog];
        _sortOrders = [.. b.SortOrders];
        _defaultSortOrderId = b.DefaultSortOrderId;
        _refs = new Dictionary<string, SnapshotRef>(b.Refs, StringComparer.Ordinal);
        _statistics = [.. b.Statistics];
        _partitionStatistics = [.. b.PartitionStatistics];
        _nextRowId = b.NextRowId;
        _encryptionKeys = [.. b.EncryptionKeys];
        _previousFileLocation = b.MetadataFileLocation;
    }

    /// <summary>The metadata updates applied so far, by their REST action names (e.g. "add-snapshot").</summary>
    public IReadOnlyList<string> Changes => _changes;

    public bool HasChanges => _changes.Count > 0;

    public int FormatVersion => _formatVersion;

    public int LastColumnId => _lastColumnId;

    public int LastPartitionId => _lastPartitionId;

    public long LastSequenceNumber => _lastSequenceNumber;

    /// <summary>The v3 next row id (null before v3).</summary>
    public long? NextRowId => _nextRowId;

    public IReadOnlyDictionary<string, string> Properties => _properties;

    public IReadOnlyDictionary<string, SnapshotRef> Refs => _refs;

    public IReadOnlyList<Snapshot> Snapshots => _snapshots;

    public long? CurrentSnapshotId => _currentSnapshotId;

    /// <summary>Starts from an existing table's metadata; its file becomes the newest metadata log entry on <see cref="Build"/>.</summary>
    public static TableMetadataBuilder BuildFrom(TableMetadata baseMetadata, TimeProvider? time = null) =>
        new(baseMetadata, baseMetadata.FormatVersion, baseMetadata.Location, time);

    /// <summary>An empty builder for a new table (add a schema, spec and sort order, then set them current).</summary>
    public static TableMetadataBuilder BuildNew(int formatVersion, string location, TimeProvider? time = null)
    {
        if (formatVersion < 1 || formatVersion > TableMetadata.SupportedFormatVersion)
        {
            throw IcebergException.Invalid($"cannot create a table with format version {formatVersion} (supported: 1 to {TableMetadata.SupportedFormatVersion})");
        }

        var builder = new TableMetadataBuilder(null, formatVersion, location, time);
        builder._changes.Add("upgrade-format-version");
        return builder;
    }

    /// <summary>Ignore the base's file for the metadata log (e.g. when the base was not loaded from a file).</summary>
    public TableMetadataBuilder WithoutPreviousFile()
    {
        _previousFileLocation = null;
        return this;
    }

    public TableMetadataBuilder AssignUUID(string uuid)
    {
        if (!Guid.TryParse(uuid, out _))
        {
            throw IcebergException.Invalid($"table uuid '{uuid}' is not a UUID");
        }

        if (_uuid is not null && !string.Equals(_uuid, uuid, StringComparison.OrdinalIgnoreCase))
        {
            throw IcebergException.Invalid($"cannot reassign table uuid {_uuid} to {uuid}");
        }

        if (_uuid is null)
        {
            _uuid = uuid;
            _changes.Add("assign-uuid");
        }

        return this;
    }

    /// <summary>Upgrades to <paramref name="newFormatVersion"/>; downgrades are rejected, the same version is a no-op.</summary>
    public TableMetadataBuilder UpgradeFormatVersion(int newFormatVersion)
    {
        if (newFormatVersion > TableMetadata.SupportedFormatVersion)
        {
            throw IcebergException.Invalid($"cannot upgrade table to format version {newFormatVersion}: this implementation supports up to {TableMetadata.SupportedFormatVersion}");
        }

        if (newFormatVersion < _formatVersion)
        {
            throw IcebergException.Invalid($"cannot downgrade table from format version {_formatVersion} to {newFormatVersion}");
        }

        if (newFormatVersion == _formatVersion)
        {
            return this;
        }

        if (newFormatVersion >= 3 && _nextRowId is null)
        {
            _nextRowId = 0;
        }

        _formatVersion = newFormatVersion;
        _changes.Add("upgrade-format-version");
        return this;
    }

    public TableMetadataBuilder SetLocation(string location)
    {
        if (string.IsNullOrEmpty(location))
        {
            throw IcebergException.Invalid("table location must not be empty");
        }

        if (!string.Equals(location, _location, StringComparison.Ordinal))
        {
            _location = location;
            _changes.Add("set-location");
        }

        return this;
    }

    public TableMetadataBuilder SetProperties(IReadOnlyDictionary<string, string> updates)
    {
        if (updates.ContainsKey(TableProperties.FormatVersion))
        {
            throw IcebergException.Invalid($"'{TableProperties.FormatVersion}' is reserved: use UpgradeFormatVersion");
        }

        foreach (var (k, v) in updates)
        {
            _properties[k] = v;
        }

        if (updates.Count > 0)
        {
            _changes.Add("set-properties");
        }

        return this;
    }

    public TableMetadataBuilder RemoveProperties(IEnumerable<string> keys)
    {
        var any = false;
        foreach (var k in keys)
        {
            any |= _properties.Remove(k);
        }

        if (any)
        {
            _changes.Add("remove-properties");
        }

        return this;
    }

    /// <summary>
    /// Adds a schema (reusing an existing schema with the same fields) and returns its id. New schemas get the next
    /// schema id; <paramref name="newLastColumnId"/> (default: the schema's highest field id) raises last-column-id.
    /// </summary>
    public int AddSchema(Schema schema, int? newLastColumnId = null)
    {
        var lastColumnId = newLastColumnId ?? Math.Max(_lastColumnId, schema.HighestFieldId);
        if (lastColumnId < _lastColumnId)
        {
            throw IcebergException.Invalid($"invalid last column id {lastColumnId}: must not be lower than the current last column id {_lastColumnId}");
        }

        if (schema.HighestFieldId > lastColumnId)
        {
            throw IcebergException.Invalid($"schema has field id {schema.HighestFieldId} above last column id {lastColumnId}");
        }

        schema.ValidateIdentifierFields();
        foreach (var existing in _schemas)
        {
            if (existing.SameSchema(schema))
            {
                _lastColumnId = lastColumnId;
                _lastAddedSchemaId = existing.SchemaId;
                return existing.SchemaId;
            }
        }

        var id = _schemas.Count == 0 ? 0 : _schemas.Max(s => s.SchemaId) + 1;
        _schemas.Add(schema.WithSchemaId(id));
        _lastColumnId = lastColumnId;
        _lastAddedSchemaId = id;
        _changes.Add("add-schema");
        return id;
    }

    /// <summary>Sets the current schema (<see cref="LastAdded"/>: the schema added last).</summary>
    public TableMetadataBuilder SetCurrentSchema(int schemaId)
    {
        schemaId = ResolveLastAdded(schemaId, _lastAddedSchemaId, "schema");
        if (!_schemas.Exists(s => s.SchemaId == schemaId))
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"cannot set current schema to unknown schema id {schemaId}");
        }

        if (schemaId != _currentSchemaId)
        {
            _currentSchemaId = schemaId;
            _changes.Add("set-current-schema");
        }

        return this;
    }

    public TableMetadataBuilder SetCurrentSchema(Schema schema, int? newLastColumnId = null) => SetCurrentSchema(AddSchema(schema, newLastColumnId));

    /// <summary>
    /// Adds a partition spec (reusing a compatible existing spec) and returns its id. Field ids must already be
    /// assigned (above <see cref="LastPartitionId"/> for new fields); source columns must exist in some schema.
    /// </summary>
    public int AddPartitionSpec(PartitionSpec spec)
    {
        foreach (var f in spec.Fields)
        {
            foreach (var sourceId in f.SourceIds)
            {
                if (!_schemas.Exists(s => s.FindField(sourceId) is not null))
                {
                    throw IcebergException.Invalid($"partition field '{f.Name}' references unknown source column id {sourceId}");
                }
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in spec.Fields)
        {
            if (!names.Add(f.Name))
            {
                throw IcebergException.Invalid($"partition spec has two fields named '{f.Name}'");
            }
        }

        if (_formatVersion == 1)
        {
            for (var i = 0; i < spec.Fields.Count; i++)
            {
                if (spec.Fields[i].FieldId != PartitionSpec.FirstPartitionFieldId + i)
                {
                    throw IcebergException.Invalid($"format v1 partition field ids must be sequential from {PartitionSpec.FirstPartitionFieldId}: field '{spec.Fields[i].Name}' has {spec.Fields[i].FieldId}");
                }
            }
        }

        foreach (var existing in _specs)
        {
            if (existing.IsCompatibleWith(spec) && existing.Fields.Select(f => f.FieldId).SequenceEqual(spec.Fields.Select(f => f.FieldId)))
            {
                _lastAddedSpecId = existing.SpecId;
                return existing.SpecId;
            }
        }

        var id = _specs.Count == 0 ? 0 : _specs.Max(s => s.SpecId) + 1;
        _specs.Add(new PartitionSpec(id, spec.Fields));
        _lastPartitionId = Math.Max(_lastPartitionId, spec.LastAssignedFieldId);
        _lastAddedSpecId = id;
        _changes.Add("add-spec");
        return id;
    }

    /// <summary>Sets the default partition spec (<see cref="LastAdded"/>: the spec added last).</summary>
    public TableMetadataBuilder SetDefaultSpec(int specId)
    {
        specId = ResolveLastAdded(specId, _lastAddedSpecId, "partition spec");
        if (!_specs.Exists(s => s.SpecId == specId))
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"cannot set default partition spec to unknown spec id {specId}");
        }

        if (specId != _defaultSpecId)
        {
            _defaultSpecId = specId;
            _changes.Add("set-default-spec");
        }

        return this;
    }

    public TableMetadataBuilder SetDefaultSpec(PartitionSpec spec) => SetDefaultSpec(AddPartitionSpec(spec));

    /// <summary>Adds a sort order (reusing one with the same fields) and returns its id; the unsorted order is id 0.</summary>
    public int AddSortOrder(SortOrder order)
    {
        foreach (var existing in _sortOrders)
        {
            if (existing.Fields.SequenceEqual(order.Fields))
            {
                _lastAddedOrderId = existing.OrderId;
                return existing.OrderId;
            }
        }

        foreach (var f in order.Fields)
        {
            foreach (var sourceId in f.SourceIds)
            {
                if (!_schemas.Exists(s => s.FindField(sourceId) is not null))
                {
                    throw IcebergException.Invalid($"sort field {f} references unknown source column id {sourceId}");
                }
            }
        }

        var id = order.IsUnsorted ? 0 : Math.Max(0, _sortOrders.Count == 0 ? 0 : _sortOrders.Max(s => s.OrderId)) + 1;
        _sortOrders.Add(new SortOrder(id, order.Fields));
        _lastAddedOrderId = id;
        _changes.Add("add-sort-order");
        return id;
    }

    /// <summary>Sets the default sort order (<see cref="LastAdded"/>: the order added last).</summary>
    public TableMetadataBuilder SetDefaultSortOrder(int orderId)
    {
        orderId = ResolveLastAdded(orderId, _lastAddedOrderId, "sort order");
        if (!_sortOrders.Exists(s => s.OrderId == orderId))
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"cannot set default sort order to unknown sort order id {orderId}");
        }

        if (orderId != _defaultSortOrderId)
        {
            _defaultSortOrderId = orderId;
            _changes.Add("set-default-sort-order");
        }

        return this;
    }

    public TableMetadataBuilder SetDefaultSortOrder(SortOrder order) => SetDefaultSortOrder(AddSortOrder(order));

    /// <summary>Registers (or replaces) the statistics file of its snapshot.</summary>
    public TableMetadataBuilder SetStatistics(StatisticsFile statistics)
    {
        _statistics.RemoveAll(s => s.SnapshotId == statistics.SnapshotId);
        _statistics.Add(statistics);
        _changes.Add("set-statistics");
        return this;
    }

    public TableMetadataBuilder RemoveStatistics(long snapshotId)
    {
        if (_statistics.RemoveAll(s => s.SnapshotId == snapshotId) > 0)
        {
            _changes.Add("remove-statistics");
        }

        return this;
    }

    public TableMetadataBuilder SetPartitionStatistics(PartitionStatisticsFile statistics)
    {
        _partitionStatistics.RemoveAll(s => s.SnapshotId == statistics.SnapshotId);
        _partitionStatistics.Add(statistics);
        _changes.Add("set-partition-statistics");
        return this;
    }

    public TableMetadataBuilder RemovePartitionStatistics(long snapshotId)
    {
        if (_partitionStatistics.RemoveAll(s => s.SnapshotId == snapshotId) > 0)
        {
            _changes.Add("remove-partition-statistics");
        }

        return this;
    }

    private static int ResolveLastAdded(int id, int? lastAdded, string what)
    {
        if (id != LastAdded)
        {
            return id;
        }

        return lastAdded ?? throw IcebergException.Invalid($"cannot use the last added {what}: no {what} was added");
    }
}
