namespace Lakehouse.Table.Metadata;

/// <summary>Snapshots, refs and <see cref="Build"/>.</summary>
public sealed partial class TableMetadataBuilder
{
    /// <summary>
    /// Adds a snapshot (not yet referenced by any branch: follow with <see cref="SetBranchSnapshot"/>). From v2 on its
    /// sequence number must be above last-sequence-number (which it becomes) and it needs a manifest list; in v3 its
    /// first-row-id must be at least next-row-id, which advances by its added-rows.
    /// </summary>
    public TableMetadataBuilder AddSnapshot(Snapshot snapshot)
    {
        if (_snapshots.Exists(s => s.SnapshotId == snapshot.SnapshotId))
        {
            throw IcebergException.Invalid($"cannot add snapshot {snapshot.SnapshotId}: a snapshot with that id already exists");
        }

        if (_formatVersion >= 2)
        {
            if (snapshot.ManifestList is null)
            {
                throw IcebergException.Invalid($"cannot add snapshot {snapshot.SnapshotId} without a manifest list to a format v{_formatVersion} table");
            }

            if (snapshot.SequenceNumber <= _lastSequenceNumber && snapshot.ParentSnapshotId is not null)
            {
                throw IcebergException.Invalid($"cannot add snapshot {snapshot.SnapshotId} with sequence number {snapshot.SequenceNumber}: not above the last sequence number {_lastSequenceNumber}");
            }
        }

        if (snapshot.SchemaId is { } schemaId && !_schemas.Exists(s => s.SchemaId == schemaId))
        {
            throw IcebergException.Invalid($"cannot add snapshot {snapshot.SnapshotId}: unknown schema id {schemaId}");
        }

        if (_formatVersion >= 3 && snapshot.FirstRowId is { } firstRowId)
        {
            var next = _nextRowId ?? 0;
            if (firstRowId < next)
            {
                throw IcebergException.Invalid($"cannot add snapshot {snapshot.SnapshotId}: first-row-id {firstRowId} is below next-row-id {next}");
            }

            _nextRowId = firstRowId + (snapshot.AddedRows ?? 0);
        }

        _snapshots.Add(snapshot);
        _addedSnapshotIds.Add(snapshot.SnapshotId);
        _lastSequenceNumber = Math.Max(_lastSequenceNumber, snapshot.SequenceNumber);
        _lastUpdatedMs = snapshot.TimestampMs;
        _changes.Add("add-snapshot");
        return this;
    }

    /// <summary>
    /// Points branch <paramref name="branch"/> at <paramref name="snapshotId"/>, keeping the branch's retention
    /// settings (creating the branch when absent). Moving main sets current-snapshot-id and logs it.
    /// </summary>
    public TableMetadataBuilder SetBranchSnapshot(long snapshotId, string branch = SnapshotRef.MainBranch)
    {
        if (_refs.TryGetValue(branch, out var existing))
        {
            if (!existing.IsBranch)
            {
                throw IcebergException.Invalid($"cannot move '{branch}' as a branch: it is a tag");
            }

            return existing.SnapshotId == snapshotId ? this : SetRef(branch, existing with { SnapshotId = snapshotId });
        }

        return SetRef(branch, new SnapshotRef(snapshotId, SnapshotRefType.Branch));
    }

    /// <summary>Creates or replaces a branch or tag. The snapshot must exist; main must be a branch.</summary>
    public TableMetadataBuilder SetRef(string name, SnapshotRef reference)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw IcebergException.Invalid("ref name must not be empty");
        }

        if (_refs.TryGetValue(name, out var existing) && existing.Equals(reference))
        {
            return this;
        }

        var snapshot = _snapshots.Find(s => s.SnapshotId == reference.SnapshotId)
            ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot set ref '{name}' to unknown snapshot {reference.SnapshotId}");
        if (string.Equals(name, SnapshotRef.MainBranch, StringComparison.Ordinal) && !reference.IsBranch)
        {
            throw IcebergException.Invalid("'main' must be a branch, not a tag");
        }

        ValidateRetention(name, reference);
        if (_addedSnapshotIds.Contains(reference.SnapshotId))
        {
            _lastUpdatedMs = snapshot.TimestampMs;
        }

        _refs[name] = reference;
        if (string.Equals(name, SnapshotRef.MainBranch, StringComparison.Ordinal))
        {
            _currentSnapshotId = reference.SnapshotId;
            _lastUpdatedMs ??= _time.GetUtcNow().ToUnixTimeMilliseconds();
            _snapshotLog.Add(new SnapshotLogEntry(_lastUpdatedMs.Value, reference.SnapshotId));
        }

        _changes.Add("set-snapshot-ref");
        return this;
    }

    /// <summary>Removes a branch or tag (a no-op when absent). Removing main clears the current snapshot.</summary>
    public TableMetadataBuilder RemoveRef(string name)
    {
        if (!_refs.Remove(name))
        {
            return this;
        }

        if (string.Equals(name, SnapshotRef.MainBranch, StringComparison.Ordinal))
        {
            _currentSnapshotId = null;
        }

        _changes.Add("remove-snapshot-ref");
        return this;
    }

    /// <summary>
    /// Removes snapshots by id (unknown ids are ignored), with the refs that point at them and their statistics
    /// files. The snapshot log keeps only the entries after the last removed one (as the reference implementation).
    /// </summary>
    public TableMetadataBuilder RemoveSnapshots(IEnumerable<long> snapshotIds)
    {
        var ids = snapshotIds.ToHashSet();
        if (_snapshots.RemoveAll(s => ids.Contains(s.SnapshotId)) == 0)
        {
            return this;
        }

        foreach (var (name, r) in _refs.ToList())
        {
            if (ids.Contains(r.SnapshotId))
            {
                RemoveRef(name);
            }
        }

        _statistics.RemoveAll(s => ids.Contains(s.SnapshotId));
        _partitionStatistics.RemoveAll(s => ids.Contains(s.SnapshotId));
        _changes.Add("remove-snapshots");
        return this;
    }

    /// <summary>Validates the result and builds the new metadata (with <see cref="TableMetadata.MetadataFileLocation"/> unset).</summary>
    public TableMetadata Build()
    {
        if (_base is not null && !HasChanges && _previousFileLocation == _base.MetadataFileLocation)
        {
            return _base;
        }

        if (_currentSchemaId < 0 || !_schemas.Exists(s => s.SchemaId == _currentSchemaId))
        {
            throw IcebergException.Invalid($"table metadata has no current schema (current-schema-id {_currentSchemaId})");
        }

        if (_defaultSpecId < 0 || !_specs.Exists(s => s.SpecId == _defaultSpecId))
        {
            throw IcebergException.Invalid($"table metadata has no default partition spec (default-spec-id {_defaultSpecId})");
        }

        if (_defaultSortOrderId < 0 || !_sortOrders.Exists(s => s.OrderId == _defaultSortOrderId))
        {
            throw IcebergException.Invalid($"table metadata has no default sort order (default-sort-order-id {_defaultSortOrderId})");
        }

        foreach (var s in _schemas)
        {
            if (s.HighestFieldId > _lastColumnId)
            {
                throw IcebergException.Invalid($"schema {s.SchemaId} has field id {s.HighestFieldId} above last-column-id {_lastColumnId}");
            }
        }

        foreach (var s in _specs)
        {
            if (s.Fields.Count > 0 && s.LastAssignedFieldId > _lastPartitionId)
            {
                throw IcebergException.Invalid($"partition spec {s.SpecId} has field id {s.LastAssignedFieldId} above last-partition-id {_lastPartitionId}");
            }
        }

        foreach (var (name, r) in _refs)
        {
            if (!_snapshots.Exists(s => s.SnapshotId == r.SnapshotId))
            {
                throw IcebergException.Invalid($"ref '{name}' points to unknown snapshot {r.SnapshotId}");
            }
        }

        var now = _lastUpdatedMs ?? _time.GetUtcNow().ToUnixTimeMilliseconds();
        var metadataLog = new List<MetadataLogEntry>(_base?.MetadataLog ?? []);
        if (_base is not null && _previousFileLocation is not null)
        {
            metadataLog.Add(new MetadataLogEntry(_base.LastUpdatedMs, _previousFileLocation));
        }

        var maxPrevious = Math.Max(1, TableProperties.GetInt(_properties, TableProperties.MetadataPreviousVersionsMax, TableProperties.MetadataPreviousVersionsMaxDefault));
        if (metadataLog.Count > maxPrevious)
        {
            metadataLog.RemoveRange(0, metadataLog.Count - maxPrevious);
        }

        return new TableMetadata
        {
            FormatVersion = _formatVersion,
            TableUuid = _uuid ?? Guid.NewGuid().ToString(),
            Location = _location,
            LastSequenceNumber = _lastSequenceNumber,
            LastUpdatedMs = now,
            LastColumnId = _lastColumnId,
            Schemas = [.. _schemas],
            CurrentSchemaId = _currentSchemaId,
            PartitionSpecs = [.. _specs],
            DefaultSpecId = _defaultSpecId,
            LastPartitionId = _lastPartitionId,
            Properties = new Dictionary<string, string>(_properties, StringComparer.Ordinal),
            CurrentSnapshotId = _currentSnapshotId,
            Snapshots = [.. _snapshots],
            SnapshotLog = UpdateSnapshotLog(),
            MetadataLog = metadataLog,
            SortOrders = [.. _sortOrders],
            DefaultSortOrderId = _defaultSortOrderId,
            Refs = new Dictionary<string, SnapshotRef>(_refs, StringComparer.Ordinal),
            Statistics = [.. _statistics],
            PartitionStatistics = [.. _partitionStatistics],
            NextRowId = _formatVersion >= 3 ? _nextRowId ?? 0 : _nextRowId,
            EncryptionKeys = [.. _encryptionKeys],
        };
    }

    private List<SnapshotLogEntry> UpdateSnapshotLog()
    {
        var log = new List<SnapshotLogEntry>(_snapshotLog.Count);
        foreach (var e in _snapshotLog)
        {
            if (_snapshots.Exists(s => s.SnapshotId == e.SnapshotId))
            {
                log.Add(e);
            }
            else
            {
                log.Clear();
            }
        }

        return log;
    }

    private static void ValidateRetention(string name, SnapshotRef r)
    {
        if (r.MinSnapshotsToKeep is { } min && (min <= 0 || !r.IsBranch))
        {
            throw IcebergException.Invalid(r.IsBranch ? $"min-snapshots-to-keep of branch '{name}' must be positive, got {min}" : $"tag '{name}' cannot have min-snapshots-to-keep");
        }

        if (r.MaxSnapshotAgeMs is { } age && (age <= 0 || !r.IsBranch))
        {
            throw IcebergException.Invalid(r.IsBranch ? $"max-snapshot-age-ms of branch '{name}' must be positive, got {age}" : $"tag '{name}' cannot have max-snapshot-age-ms");
        }

        if (r.MaxRefAgeMs is { } refAge && refAge <= 0)
        {
            throw IcebergException.Invalid($"max-ref-age-ms of '{name}' must be positive, got {refAge}");
        }
    }
}
