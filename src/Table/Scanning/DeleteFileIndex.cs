using Lakehouse.Table.Manifests;

namespace Lakehouse.Table.Scanning;

/// <summary>
/// Finds the delete files that apply to a data file, by the spec's rules:
/// a position delete (or deletion vector) applies when its data sequence number is &gt;= the data file's and it either names
/// the data file in referenced_data_file or (when it names none) has the same spec and partition; an equality delete applies
/// when its data sequence number is strictly greater and it is global (unpartitioned spec) or has the same spec and partition.
/// </summary>
public sealed class DeleteFileIndex
{
    private readonly Dictionary<string, List<ManifestEntry>> _positionByPartition = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ManifestEntry>> _positionByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ManifestEntry>> _equalityByPartition = new(StringComparer.Ordinal);
    private readonly List<ManifestEntry> _globalEquality = [];

    public DeleteFileIndex(IEnumerable<ManifestEntry> deletes, Func<int, bool> isUnpartitioned)
    {
        foreach (var entry in deletes)
        {
            if (!entry.IsLive)
            {
                continue;
            }

            var file = entry.DataFile;
            if (file.Content == FileContent.PositionDeletes)
            {
                if (file.ReferencedDataFile is { } referenced)
                {
                    Add(_positionByFile, referenced, entry);
                }
                else
                {
                    Add(_positionByPartition, PartitionKey.Of(file.SpecId, file.Partition), entry);
                }
            }
            else if (file.Content == FileContent.EqualityDeletes)
            {
                if (isUnpartitioned(file.SpecId))
                {
                    _globalEquality.Add(entry);
                }
                else
                {
                    Add(_equalityByPartition, PartitionKey.Of(file.SpecId, file.Partition), entry);
                }
            }
        }
    }

    public bool IsEmpty => _positionByPartition.Count == 0 && _positionByFile.Count == 0 && _equalityByPartition.Count == 0 && _globalEquality.Count == 0;

    /// <summary>Position deletes apply to data written at the same or a lower sequence number.</summary>
    public static bool PositionDeleteApplies(long dataSequenceNumber, long deleteSequenceNumber) => deleteSequenceNumber >= dataSequenceNumber;

    /// <summary>Equality deletes apply only to data written at a strictly lower sequence number.</summary>
    public static bool EqualityDeleteApplies(long dataSequenceNumber, long deleteSequenceNumber) => deleteSequenceNumber > dataSequenceNumber;

    public List<ManifestEntry> For(ManifestEntry dataEntry)
    {
        var result = new List<ManifestEntry>();
        var file = dataEntry.DataFile;
        var seq = dataEntry.SequenceNumber ?? 0;
        var key = PartitionKey.Of(file.SpecId, file.Partition);
        if (_positionByFile.TryGetValue(file.FilePath, out var byFile))
        {
            AddMatching(result, byFile, seq, equality: false);
        }

        if (_positionByPartition.TryGetValue(key, out var byPartition))
        {
            AddMatching(result, byPartition, seq, equality: false);
        }

        if (_equalityByPartition.TryGetValue(key, out var eq))
        {
            AddMatching(result, eq, seq, equality: true);
        }

        AddMatching(result, _globalEquality, seq, equality: true);
        return result;
    }

    private static void AddMatching(List<ManifestEntry> result, List<ManifestEntry> candidates, long dataSeq, bool equality)
    {
        foreach (var d in candidates)
        {
            var deleteSeq = d.SequenceNumber ?? 0;
            if (equality ? EqualityDeleteApplies(dataSeq, deleteSeq) : PositionDeleteApplies(dataSeq, deleteSeq))
            {
                result.Add(d);
            }
        }
    }

    private static void Add(Dictionary<string, List<ManifestEntry>> map, string key, ManifestEntry entry)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(entry);
    }
}
