namespace Lakehouse.Table.Maintenance;

/// <summary>What <see cref="ExpireSnapshots"/> removed: the snapshot ids and, by kind, the files it deleted (or would delete).</summary>
public sealed class ExpireSnapshotsResult
{
    public IReadOnlyList<long> ExpiredSnapshotIds { get; init; } = [];

    public IReadOnlyList<string> RemovedRefs { get; init; } = [];

    public IReadOnlyList<string> DeletedDataFiles { get; init; } = [];

    public IReadOnlyList<string> DeletedPositionDeleteFiles { get; init; } = [];

    public IReadOnlyList<string> DeletedEqualityDeleteFiles { get; init; } = [];

    public IReadOnlyList<string> DeletedManifests { get; init; } = [];

    public IReadOnlyList<string> DeletedManifestLists { get; init; } = [];

    public IReadOnlyList<string> DeletedStatisticsFiles { get; init; } = [];

    public int DeletedDataFilesCount => DeletedDataFiles.Count;

    public int DeletedPositionDeleteFilesCount => DeletedPositionDeleteFiles.Count;

    public int DeletedEqualityDeleteFilesCount => DeletedEqualityDeleteFiles.Count;

    public int DeletedManifestsCount => DeletedManifests.Count;

    public int DeletedManifestListsCount => DeletedManifestLists.Count;

    public int DeletedStatisticsFilesCount => DeletedStatisticsFiles.Count;

    /// <summary>Every deleted file, content files first.</summary>
    public IEnumerable<string> AllDeletedFiles() =>
        DeletedDataFiles.Concat(DeletedPositionDeleteFiles).Concat(DeletedEqualityDeleteFiles).Concat(DeletedManifests).Concat(DeletedManifestLists).Concat(DeletedStatisticsFiles);
}
