using System.Globalization;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Scanning;

namespace Lakehouse.Table.Operations;

/// <summary>
/// The summary of a snapshot as Iceberg engines write it: added/removed counts of data files, delete files,
/// records, position and equality deletes and bytes (only when non-zero), totals carried from the parent's
/// summary, changed-partition-count, the operation and custom properties.
/// </summary>
public sealed class SnapshotSummaryBuilder
{
    private readonly HashSet<string> _partitions = new(StringComparer.Ordinal);
    private long _addedDataFiles;
    private long _deletedDataFiles;
    private long _addedDeleteFiles;
    private long _removedDeleteFiles;
    private long _addedPosDeleteFiles;
    private long _removedPosDeleteFiles;
    private long _addedEqDeleteFiles;
    private long _removedEqDeleteFiles;
    private long _addedRecords;
    private long _deletedRecords;
    private long _addedSize;
    private long _removedSize;
    private long _addedPosDeletes;
    private long _removedPosDeletes;
    private long _addedEqDeletes;
    private long _removedEqDeletes;

    public long AddedDataFiles => _addedDataFiles;

    public long DeletedDataFiles => _deletedDataFiles;

    public void Added(DataFile file)
    {
        _partitions.Add(PartitionKey.Of(file.SpecId, file.Partition));
        _addedSize += file.FileSizeInBytes;
        switch (file.Content)
        {
            case FileContent.Data:
                _addedDataFiles++;
                _addedRecords += file.RecordCount;
                break;
            case FileContent.PositionDeletes:
                _addedDeleteFiles++;
                _addedPosDeleteFiles++;
                _addedPosDeletes += file.RecordCount;
                break;
            default:
                _addedDeleteFiles++;
                _addedEqDeleteFiles++;
                _addedEqDeletes += file.RecordCount;
                break;
        }
    }

    public void Removed(DataFile file)
    {
        _partitions.Add(PartitionKey.Of(file.SpecId, file.Partition));
        _removedSize += file.FileSizeInBytes;
        switch (file.Content)
        {
            case FileContent.Data:
                _deletedDataFiles++;
                _deletedRecords += file.RecordCount;
                break;
            case FileContent.PositionDeletes:
                _removedDeleteFiles++;
                _removedPosDeleteFiles++;
                _removedPosDeletes += file.RecordCount;
                break;
            default:
                _removedDeleteFiles++;
                _removedEqDeleteFiles++;
                _removedEqDeletes += file.RecordCount;
                break;
        }
    }

    /// <summary>The summary map: operation first, then the figures, then <paramref name="custom"/> properties.</summary>
    public Dictionary<string, string> Build(string operation, IReadOnlyDictionary<string, string>? parentSummary, bool hasParent, IReadOnlyDictionary<string, string> custom)
    {
        var s = new Dictionary<string, string>(StringComparer.Ordinal) { ["operation"] = operation };
        SetIf(s, "added-data-files", _addedDataFiles);
        SetIf(s, "deleted-data-files", _deletedDataFiles);
        SetIf(s, "added-delete-files", _addedDeleteFiles);
        SetIf(s, "added-equality-delete-files", _addedEqDeleteFiles);
        SetIf(s, "removed-equality-delete-files", _removedEqDeleteFiles);
        SetIf(s, "added-position-delete-files", _addedPosDeleteFiles);
        SetIf(s, "removed-position-delete-files", _removedPosDeleteFiles);
        SetIf(s, "removed-delete-files", _removedDeleteFiles);
        SetIf(s, "added-records", _addedRecords);
        SetIf(s, "deleted-records", _deletedRecords);
        SetIf(s, "added-files-size", _addedSize);
        SetIf(s, "removed-files-size", _removedSize);
        SetIf(s, "added-position-deletes", _addedPosDeletes);
        SetIf(s, "removed-position-deletes", _removedPosDeletes);
        SetIf(s, "added-equality-deletes", _addedEqDeletes);
        SetIf(s, "removed-equality-deletes", _removedEqDeletes);
        s["changed-partition-count"] = _partitions.Count.ToString(CultureInfo.InvariantCulture);
        Total(s, parentSummary, hasParent, "total-records", _addedRecords - _deletedRecords);
        Total(s, parentSummary, hasParent, "total-files-size", _addedSize - _removedSize);
        Total(s, parentSummary, hasParent, "total-data-files", _addedDataFiles - _deletedDataFiles);
        Total(s, parentSummary, hasParent, "total-delete-files", _addedDeleteFiles - _removedDeleteFiles);
        Total(s, parentSummary, hasParent, "total-position-deletes", _addedPosDeletes - _removedPosDeletes);
        Total(s, parentSummary, hasParent, "total-equality-deletes", _addedEqDeletes - _removedEqDeletes);
        foreach (var (k, v) in custom)
        {
            s[k] = v;
        }

        return s;
    }

    private static void SetIf(Dictionary<string, string> s, string key, long value)
    {
        if (value > 0)
        {
            s[key] = value.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static void Total(Dictionary<string, string> s, IReadOnlyDictionary<string, string>? parent, bool hasParent, string key, long delta)
    {
        long previous = 0;
        if (hasParent)
        {
            if (parent is null || !parent.TryGetValue(key, out var text) || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out previous))
            {
                return;
            }
        }

        s[key] = Math.Max(0, previous + delta).ToString(CultureInfo.InvariantCulture);
    }
}
