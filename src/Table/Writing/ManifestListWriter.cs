using System.Globalization;
using Lakehouse.Avro.Container;
using Lakehouse.Table.IO;
using Lakehouse.Table.Manifests;

namespace Lakehouse.Table.Writing;

/// <summary>
/// Writes a snapshot's format v2 manifest list (Avro, manifest_file records) with the key-value metadata
/// snapshot-id, parent-snapshot-id, sequence-number and format-version. Manifests written by this commit
/// (sequence number <see cref="ManifestWriter.Unassigned"/>) get the commit's sequence number; their minimum
/// sequence number is the lowest data sequence number of their live entries (the commit's when all are new).
/// </summary>
public static class ManifestListWriter
{
    /// <summary>Writes the list and returns the entries as written (sequence numbers assigned).</summary>
    public static async Task<List<ManifestFile>> WriteAsync(
        IOutputFile file,
        long snapshotId,
        long? parentSnapshotId,
        long sequenceNumber,
        IReadOnlyList<ManifestFile> manifests,
        CancellationToken cancellationToken = default)
    {
        var metadata = new List<KeyValuePair<string, string>>
        {
            new("snapshot-id", snapshotId.ToString(CultureInfo.InvariantCulture)),
            new("parent-snapshot-id", parentSnapshotId is { } p ? p.ToString(CultureInfo.InvariantCulture) : "null"),
            new("sequence-number", sequenceNumber.ToString(CultureInfo.InvariantCulture)),
            new("format-version", "2"),
        };
        var options = new AvroFileWriterOptions { Codec = AvroCodec.Deflate, Metadata = metadata, LeaveOpen = true };
        var written = new List<ManifestFile>(manifests.Count);
        var stream = await file.CreateAsync(overwrite: false, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new AvroFileWriter(stream, ManifestAvroSchemas.ManifestList, options);
            await using (writer.ConfigureAwait(false))
            {
                foreach (var m in manifests)
                {
                    var assigned = Assign(m, snapshotId, sequenceNumber);
                    written.Add(assigned);
                    writer.Append(ToRecord(assigned));
                }

                await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return written;
    }

    private static ManifestFile Assign(ManifestFile m, long snapshotId, long sequenceNumber)
    {
        if (m.SequenceNumber != ManifestWriter.Unassigned)
        {
            return m;
        }

        var min = m.MinSequenceNumber == ManifestWriter.Unassigned ? sequenceNumber : Math.Min(m.MinSequenceNumber, sequenceNumber);
        if ((m.AddedFilesCount ?? 0) == 0 && m.MinSequenceNumber != ManifestWriter.Unassigned)
        {
            min = m.MinSequenceNumber;
        }

        return new ManifestFile
        {
            ManifestPath = m.ManifestPath,
            ManifestLength = m.ManifestLength,
            PartitionSpecId = m.PartitionSpecId,
            Content = m.Content,
            SequenceNumber = sequenceNumber,
            MinSequenceNumber = min,
            AddedSnapshotId = m.AddedSnapshotId ?? snapshotId,
            AddedFilesCount = m.AddedFilesCount,
            ExistingFilesCount = m.ExistingFilesCount,
            DeletedFilesCount = m.DeletedFilesCount,
            AddedRowsCount = m.AddedRowsCount,
            ExistingRowsCount = m.ExistingRowsCount,
            DeletedRowsCount = m.DeletedRowsCount,
            Partitions = m.Partitions,
            KeyMetadata = m.KeyMetadata,
        };
    }

    private static Dictionary<string, object?> ToRecord(ManifestFile m)
    {
        List<Dictionary<string, object?>>? partitions = null;
        if (m.Partitions is { } summaries)
        {
            partitions = new List<Dictionary<string, object?>>(summaries.Count);
            foreach (var s in summaries)
            {
                partitions.Add(new Dictionary<string, object?>(4)
                {
                    ["contains_null"] = s.ContainsNull,
                    ["contains_nan"] = s.ContainsNaN,
                    ["lower_bound"] = s.LowerBound,
                    ["upper_bound"] = s.UpperBound,
                });
            }
        }

        return new Dictionary<string, object?>(16)
        {
            ["manifest_path"] = m.ManifestPath,
            ["manifest_length"] = m.ManifestLength,
            ["partition_spec_id"] = m.PartitionSpecId,
            ["content"] = (int)m.Content,
            ["sequence_number"] = m.SequenceNumber,
            ["min_sequence_number"] = m.MinSequenceNumber,
            ["added_snapshot_id"] = m.AddedSnapshotId ?? 0L,
            ["added_files_count"] = m.AddedFilesCount ?? 0,
            ["existing_files_count"] = m.ExistingFilesCount ?? 0,
            ["deleted_files_count"] = m.DeletedFilesCount ?? 0,
            ["added_rows_count"] = m.AddedRowsCount ?? 0L,
            ["existing_rows_count"] = m.ExistingRowsCount ?? 0L,
            ["deleted_rows_count"] = m.DeletedRowsCount ?? 0L,
            ["partitions"] = partitions,
            ["key_metadata"] = m.KeyMetadata,
        };
    }
}
