using Lakehouse.Avro.Container;
using Lakehouse.Avro.Generic;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Manifests;

/// <summary>
/// Reads a manifest (Avro, v1/v2/v3 layouts; unknown fields ignored) into <see cref="ManifestEntry"/>s, applying the spec's
/// inheritance: a null snapshot_id takes the manifest's added_snapshot_id; null data/file sequence numbers of ADDED entries take
/// the manifest's sequence number; v1 manifests have sequence number 0.
/// </summary>
public static class ManifestReader
{
    public static List<ManifestEntry> Read(ReadOnlyMemory<byte> bytes, ManifestFile manifest, TableMetadata table)
    {
        var source = manifest.ManifestPath;
        try
        {
            var reader = AvroFileReader.Open(bytes, source);
            var formatVersion = int.TryParse(reader.GetMetadataString("format-version"), out var v) ? v : 1;
            var specId = manifest.PartitionSpecId;
            if (int.TryParse(reader.GetMetadataString("partition-spec-id"), out var fileSpecId))
            {
                specId = fileSpecId;
            }

            var spec = table.SpecById(specId);
            if (spec is null)
            {
                var specJson = reader.GetMetadataString("partition-spec");
                spec = specJson is null ? PartitionSpec.Unpartitioned : PartitionSpecParser.FromJson(specJson, specId, source);
            }

            var resultTypes = new PrimitiveType[spec.Fields.Count];
            for (var i = 0; i < resultTypes.Length; i++)
            {
                resultTypes[i] = ResultTypeOrUnknown(spec.Fields[i], table);
            }

            var result = new List<ManifestEntry>();
            foreach (var record in reader.ReadRecords())
            {
                result.Add(ToEntry(record, manifest, spec, resultTypes, formatVersion, source));
            }

            return result;
        }
        catch (Exception e) when (e is not IcebergException)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"Invalid manifest {source}: {e.Message}", e);
        }
    }

    private static PrimitiveType ResultTypeOrUnknown(PartitionField field, TableMetadata table)
    {
        // The source column may have been dropped from the current schema: look through older schemas too.
        foreach (var schema in Enumerable.Reverse(table.Schemas))
        {
            if (schema.FindField(field.SourceId) is not null)
            {
                return PartitionSpec.ResultType(field, schema);
            }
        }

        return PrimitiveType.Unknown;
    }

    private static ManifestEntry ToEntry(AvroRecord r, ManifestFile manifest, PartitionSpec spec, PrimitiveType[] resultTypes, int formatVersion, string source)
    {
        var status = (ManifestEntryStatus)(AvroFields.Int(r, 0, "status") ?? 0);
        var snapshotId = AvroFields.Long(r, 1, "snapshot_id") ?? manifest.AddedSnapshotId;
        long? sequenceNumber;
        long? fileSequenceNumber;
        if (formatVersion < 2)
        {
            sequenceNumber = 0;
            fileSequenceNumber = 0;
        }
        else
        {
            sequenceNumber = AvroFields.Long(r, 3, "sequence_number");
            fileSequenceNumber = AvroFields.Long(r, 4, "file_sequence_number");
            if (status == ManifestEntryStatus.Added)
            {
                sequenceNumber ??= manifest.SequenceNumber;
                fileSequenceNumber ??= manifest.SequenceNumber;
            }
            else if (manifest.SequenceNumber == 0)
            {
                // Entries of a manifest written before the v2 upgrade (inherited seq 0).
                sequenceNumber ??= 0;
                fileSequenceNumber ??= 0;
            }
        }

        var d = AvroFields.Get(r, 2, "data_file") as AvroRecord
            ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"Invalid manifest {source}: an entry has no data_file");
        return new ManifestEntry
        {
            Status = status,
            SnapshotId = snapshotId,
            SequenceNumber = sequenceNumber,
            FileSequenceNumber = fileSequenceNumber,
            DataFile = ToDataFile(d, spec, resultTypes, source),
            Manifest = manifest,
        };
    }

    private static DataFile ToDataFile(AvroRecord d, PartitionSpec spec, PrimitiveType[] resultTypes, string source)
    {
        var partition = new object?[spec.Fields.Count];
        if (AvroFields.Get(d, 102, "partition") is AvroRecord p)
        {
            for (var i = 0; i < partition.Length; i++)
            {
                var field = spec.Fields[i];
                var raw = AvroFields.Get(p, field.FieldId, field.Name);
                partition[i] = AvroFields.ToIcebergValue(raw, resultTypes[i]);
            }
        }

        List<long>? splitOffsets = null;
        if (AvroFields.Get(d, 132, "split_offsets") is List<object?> offsets)
        {
            splitOffsets = offsets.ConvertAll(AvroFields.ToLong);
        }

        List<int>? equalityIds = null;
        if (AvroFields.Get(d, 135, "equality_ids") is List<object?> ids)
        {
            equalityIds = ids.ConvertAll(o => (int)AvroFields.ToLong(o));
        }

        return new DataFile
        {
            Content = (FileContent)(AvroFields.Int(d, 134, "content") ?? 0),
            FilePath = AvroFields.String(d, 100, "file_path")
                ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"Invalid manifest {source}: a data_file has no file_path"),
            FileFormat = (AvroFields.String(d, 101, "file_format") ?? "PARQUET").ToUpperInvariant(),
            SpecId = spec.SpecId,
            Partition = partition,
            RecordCount = AvroFields.Long(d, 103, "record_count") ?? 0,
            FileSizeInBytes = AvroFields.Long(d, 104, "file_size_in_bytes") ?? 0,
            ColumnSizes = AvroFields.IntMap(d, 108, "column_sizes", AvroFields.ToLong),
            ValueCounts = AvroFields.IntMap(d, 109, "value_counts", AvroFields.ToLong),
            NullValueCounts = AvroFields.IntMap(d, 110, "null_value_counts", AvroFields.ToLong),
            NanValueCounts = AvroFields.IntMap(d, 137, "nan_value_counts", AvroFields.ToLong),
            LowerBounds = AvroFields.IntMap(d, 125, "lower_bounds", o => o as byte[] ?? []),
            UpperBounds = AvroFields.IntMap(d, 128, "upper_bounds", o => o as byte[] ?? []),
            KeyMetadata = AvroFields.Bytes(d, 131, "key_metadata"),
            SplitOffsets = splitOffsets,
            EqualityIds = equalityIds,
            SortOrderId = AvroFields.Int(d, 140, "sort_order_id"),
            FirstRowId = AvroFields.Long(d, 142, "first_row_id"),
            ReferencedDataFile = AvroFields.String(d, 143, "referenced_data_file"),
            ContentOffset = AvroFields.Long(d, 144, "content_offset"),
            ContentSizeInBytes = AvroFields.Long(d, 145, "content_size_in_bytes"),
        };
    }
}
