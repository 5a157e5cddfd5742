using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Branch and tag management and moving the current snapshot: create/replace/rename/remove branches and tags,
/// retention settings, rollback to an ancestor, set the current snapshot, fast-forward a branch. Operations apply in
/// call order and are re-validated against refreshed metadata on a retry.
/// </summary>
public sealed class ManageSnapshots : PendingUpdate
{
    private readonly List<Action<TableMetadataBuilder, TableMetadata>> _changes = [];

    public ManageSnapshots(TableOperations operations)
        : base(operations)
    {
    }

    /// <summary>Creates a branch at <paramref name="snapshotId"/> (default: the current snapshot).</summary>
    public ManageSnapshots CreateBranch(string name, long? snapshotId = null)
    {
        _changes.Add((b, m) =>
        {
            if (b.Refs.ContainsKey(name))
            {
                throw new IcebergException(IcebergErrorKind.AlreadyExists, $"cannot create branch '{name}': a ref with that name already exists");
            }

            var id = snapshotId ?? b.CurrentSnapshotId ?? throw IcebergException.Invalid($"cannot create branch '{name}': the table has no current snapshot");
            b.SetRef(name, new SnapshotRef(RequireSnapshot(b, id, $"create branch '{name}'"), SnapshotRefType.Branch));
        });
        return this;
    }

    public ManageSnapshots CreateTag(string name, long snapshotId)
    {
        _changes.Add((b, m) =>
        {
            if (b.Refs.ContainsKey(name))
            {
                throw new IcebergException(IcebergErrorKind.AlreadyExists, $"cannot create tag '{name}': a ref with that name already exists");
            }

            b.SetRef(name, new SnapshotRef(RequireSnapshot(b, snapshotId, $"create tag '{name}'"), SnapshotRefType.Tag));
        });
        return this;
    }

    public ManageSnapshots RemoveBranch(string name)
    {
        _changes.Add((b, m) =>
        {
            if (string.Equals(name, SnapshotRef.MainBranch, StringComparison.Ordinal))
            {
                throw IcebergException.Invalid("cannot remove the main branch");
            }

            RequireRef(b, name, SnapshotRefType.Branch);
            b.RemoveRef(name);
        });
        return this;
    }

    public ManageSnapshots RemoveTag(string name)
    {
        _changes.Add((b, m) =>
        {
            RequireRef(b, name, SnapshotRefType.Tag);
            b.RemoveRef(name);
        });
        return this;
    }

    /// <summary>Moves an existing branch to any snapshot (keeping its retention settings).</summary>
    public ManageSnapshots ReplaceBranch(string name, long snapshotId)
    {
        _changes.Add((b, m) =>
        {
            RequireRef(b, name, SnapshotRefType.Branch);
            b.SetBranchSnapshot(RequireSnapshot(b, snapshotId, $"replace branch '{name}'"), name);
        });
        return this;
    }

    public ManageSnapshots ReplaceTag(string name, long snapshotId)
    {
        _changes.Add((b, m) =>
        {
            var r = RequireRef(b, name, SnapshotRefType.Tag);
            b.SetRef(name, r with { SnapshotId = RequireSnapshot(b, snapshotId, $"replace tag '{name}'") });
        });
        return this;
    }

    public ManageSnapshots RenameBranch(string name, string newName)
    {
        _changes.Add((b, m) =>
        {
            if (string.Equals(name, SnapshotRef.MainBranch, StringComparison.Ordinal))
            {
                throw IcebergException.Invalid("cannot rename the main branch");
            }

            var r = RequireRef(b, name, SnapshotRefType.Branch);
            if (b.Refs.ContainsKey(newName))
            {
                throw new IcebergException(IcebergErrorKind.AlreadyExists, $"cannot rename branch '{name}' to '{newName}': a ref with that name already exists");
            }

            b.RemoveRef(name);
            b.SetRef(newName, r);
        });
        return this;
    }

    /// <summary>
    /// Moves branch <paramref name="name"/> to the snapshot of <paramref name="source"/>; the branch's snapshot must be
    /// an ancestor of it (a fast-forward, not a rewrite of history).
    /// </summary>
    public ManageSnapshots FastForwardBranch(string name, string source)
    {
        _changes.Add((b, m) =>
        {
            var target = RequireRef(b, name, SnapshotRefType.Branch);
            var from = b.Refs.GetValueOrDefault(source) ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot fast-forward '{name}': ref '{source}' does not exist");
            if (!SnapshotUtil.IsAncestorOf(m, from.SnapshotId, target.SnapshotId))
            {
                throw IcebergException.Invalid($"cannot fast-forward branch '{name}' to '{source}': snapshot {target.SnapshotId} of '{name}' is not an ancestor of snapshot {from.SnapshotId}");
            }

            b.SetBranchSnapshot(from.SnapshotId, name);
        });
        return this;
    }

    public ManageSnapshots SetMinSnapshotsToKeep(string branch, int minSnapshotsToKeep)
    {
        _changes.Add((b, m) => b.SetRef(branch, RequireRef(b, branch, SnapshotRefType.Branch) with { MinSnapshotsToKeep = minSnapshotsToKeep }));
        return this;
    }

    public ManageSnapshots SetMaxSnapshotAgeMs(string branch, long maxSnapshotAgeMs)
    {
        _changes.Add((b, m) => b.SetRef(branch, RequireRef(b, branch, SnapshotRefType.Branch) with { MaxSnapshotAgeMs = maxSnapshotAgeMs }));
        return this;
    }

    public ManageSnapshots SetMaxRefAgeMs(string name, long maxRefAgeMs)
    {
        _changes.Add((b, m) => b.SetRef(name, RequireRef(b, name, null) with { MaxRefAgeMs = maxRefAgeMs }));
        return this;
    }

    /// <summary>Makes <paramref name="snapshotId"/> current; it must be an ancestor of the current snapshot.</summary>
    public ManageSnapshots RollbackTo(long snapshotId)
    {
        _changes.Add((b, m) =>
        {
            RequireSnapshot(b, snapshotId, "roll back");
            if (m.CurrentSnapshotId is not { } current || !SnapshotUtil.IsAncestorOf(m, current, snapshotId))
            {
                throw IcebergException.Invalid($"cannot roll back to snapshot {snapshotId}: it is not an ancestor of the current snapshot {m.CurrentSnapshotId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}");
            }

            b.SetBranchSnapshot(snapshotId);
        });
        return this;
    }

    /// <summary>Rolls back to the newest ancestor of the current snapshot committed before <paramref name="timestampMs"/>.</summary>
    public ManageSnapshots RollbackToTime(long timestampMs)
    {
        _changes.Add((b, m) =>
        {
            var current = m.CurrentSnapshotId ?? throw IcebergException.Invalid("cannot roll back: the table has no current snapshot");
            var target = SnapshotUtil.AncestorsOf(m, current).FirstOrDefault(s => s.TimestampMs < timestampMs)
                ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot roll back to {DateTimeOffset.FromUnixTimeMilliseconds(timestampMs):O}: no ancestor of the current snapshot is older");
            b.SetBranchSnapshot(target.SnapshotId);
        });
        return this;
    }

    /// <summary>Makes any existing snapshot current (not necessarily an ancestor).</summary>
    public ManageSnapshots SetCurrentSnapshot(long snapshotId)
    {
        _changes.Add((b, m) => b.SetBranchSnapshot(RequireSnapshot(b, snapshotId, "set the current snapshot")));
        return this;
    }

    protected override void ApplyTo(TableMetadataBuilder builder, TableMetadata baseMetadata)
    {
        foreach (var change in _changes)
        {
            change(builder, baseMetadata);
        }
    }

    private static long RequireSnapshot(TableMetadataBuilder b, long snapshotId, string action) =>
        b.Snapshots.Any(s => s.SnapshotId == snapshotId) ? snapshotId
            : throw new IcebergException(IcebergErrorKind.NotFound, $"cannot {action}: snapshot {snapshotId} does not exist");

    private static SnapshotRef RequireRef(TableMetadataBuilder b, string name, SnapshotRefType? type)
    {
        if (!b.Refs.TryGetValue(name, out var r))
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"{(type == SnapshotRefType.Tag ? "tag" : type == SnapshotRefType.Branch ? "branch" : "ref")} '{name}' does not exist");
        }

        if (type is { } t && r.Type != t)
        {
            throw IcebergException.Invalid($"ref '{name}' is a {(r.Type == SnapshotRefType.Tag ? "tag" : "branch")}, not a {(t == SnapshotRefType.Tag ? "tag" : "branch")}");
        }

        return r;
    }
}
