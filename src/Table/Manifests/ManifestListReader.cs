using Lakehouse.Avro.Container;
using Lakehouse.Avro.Generic;
using Lakehouse.Table.Expressions;

namespace Lakehouse.Table.Manifests;

/// <summary>Reads a snapshot's manifest list (Avro, v1/v2/v3 layouts) into <see cref="ManifestFile"/>s.</summary>
public static class ManifestListReader
{
    public static List<ManifestFile> Read(ReadOnlyMemory<byte> bytes, string source)
    {
        try
        {
            var reader = AvroFileReader.Open(bytes, source);
            var formatVersion = int.TryParse(reader.GetMetadataString("format-version"), out var v) ? v : 1;
            var result = new List<ManifestFile>();
            foreach (var record in reader.ReadRecords())
            {
                result.Add(ToManifestFile(record, formatVersion, source));
            }

            return result;
        }
        catch (Exception e) when (e is not IcebergException)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"Invalid manifest list {source}: {e.Message}", e);
        }
    }

    internal static ManifestFile ToManifestFile(AvroRecord r, int formatVersion, string source)
    {
        var path = AvroFields.String(r, 500, "manifest_path")
            ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"Invalid manifest list {source}: an entry has no manifest_path");
        List<PartitionFieldSummary>? summaries = null;
        if (AvroFields.Get(r, 507, "partitions") is List<object?> parts)
        {
            summaries = new List<PartitionFieldSummary>(parts.Count);
            foreach (var p in parts)
            {
                if (p is AvroRecord s)
                {
                    summaries.Add(new PartitionFieldSummary(
                        AvroFields.Get(s, 509, "contains_null") is true,
                        AvroFields.Get(s, 518, "contains_nan") as bool?,
                        AvroFields.Bytes(s, 510, "lower_bound"),
                        AvroFields.Bytes(s, 511, "upper_bound")));
                }
            }
        }

        var sequenceNumber = formatVersion >= 2 ? AvroFields.Long(r, 515, "sequence_number") ?? 0 : 0;
        return new ManifestFile
        {
            ManifestPath = path,
            ManifestLength = AvroFields.Long(r, 501, "manifest_length") ?? 0,
            PartitionSpecId = AvroFields.Int(r, 502, "partition_spec_id") ?? 0,
            Content = (ManifestContent)(AvroFields.Int(r, 517, "content") ?? 0),
            SequenceNumber = sequenceNumber,
            MinSequenceNumber = formatVersion >= 2 ? AvroFields.Long(r, 516, "min_sequence_number") ?? sequenceNumber : 0,
            AddedSnapshotId = AvroFields.Long(r, 503, "added_snapshot_id"),
            AddedFilesCount = AvroFields.Int(r, 504, "added_files_count") ?? AvroFields.Int(r, 504, "added_data_files_count"),
            ExistingFilesCount = AvroFields.Int(r, 505, "existing_files_count") ?? AvroFields.Int(r, 505, "existing_data_files_count"),
            DeletedFilesCount = AvroFields.Int(r, 506, "deleted_files_count") ?? AvroFields.Int(r, 506, "deleted_data_files_count"),
            AddedRowsCount = AvroFields.Long(r, 512, "added_rows_count"),
            ExistingRowsCount = AvroFields.Long(r, 513, "existing_rows_count"),
            DeletedRowsCount = AvroFields.Long(r, 514, "deleted_rows_count"),
            Partitions = summaries,
            KeyMetadata = AvroFields.Bytes(r, 519, "key_metadata"),
            FirstRowId = AvroFields.Long(r, 520, "first_row_id"),
        };
    }
}
