using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace Lakehouse.Table.Metadata;

/// <summary>
/// Writes <see cref="TableMetadata"/> as the spec's JSON with exactly its field names, for the model's
/// <see cref="TableMetadata.FormatVersion"/>: v1 also writes the deprecated <c>schema</c> and
/// <c>partition-spec</c> and omits sequence numbers; v3 adds <c>next-row-id</c> and row-lineage snapshot fields.
/// </summary>
public static class TableMetadataWriter
{
    public static byte[] ToUtf8Bytes(TableMetadata metadata, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options(indented)))
        {
            Write(w, metadata);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string ToJson(TableMetadata metadata, bool indented = false) => System.Text.Encoding.UTF8.GetString(ToUtf8Bytes(metadata, indented));

    /// <summary>Gzip-compressed JSON, for <c>*.gz.metadata.json</c> files.</summary>
    public static byte[] ToGzipBytes(TableMetadata metadata)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(ToUtf8Bytes(metadata));
        }

        return output.ToArray();
    }

    /// <summary>Writes a new metadata file (failing if it exists); gzip when the name ends with <c>.gz.metadata.json</c> or <c>.metadata.json.gz</c>.</summary>
    public static async Task WriteNewFileAsync(string path, TableMetadata metadata, CancellationToken cancellationToken = default)
    {
        var gzip = path.EndsWith(".gz.metadata.json", StringComparison.Ordinal) || path.EndsWith(".metadata.json.gz", StringComparison.Ordinal);
        var bytes = gzip ? ToGzipBytes(metadata) : ToUtf8Bytes(metadata);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static void Write(Utf8JsonWriter w, TableMetadata m)
    {
        var v1 = m.FormatVersion == 1;
        w.WriteStartObject();
        w.WriteNumber("format-version", m.FormatVersion);
        if (m.TableUuid is not null)
        {
            w.WriteString("table-uuid", m.TableUuid);
        }

        w.WriteString("location", m.Location);
        if (!v1)
        {
            w.WriteNumber("last-sequence-number", m.LastSequenceNumber);
        }

        w.WriteNumber("last-updated-ms", m.LastUpdatedMs);
        w.WriteNumber("last-column-id", m.LastColumnId);
        if (v1)
        {
            w.WritePropertyName("schema");
            SchemaParser.Write(w, m.CurrentSchema);
        }

        w.WriteNumber("current-schema-id", m.CurrentSchemaId);
        w.WriteStartArray("schemas");
        foreach (var s in m.Schemas)
        {
            SchemaParser.Write(w, s);
        }

        w.WriteEndArray();
        if (v1)
        {
            w.WritePropertyName("partition-spec");
            PartitionSpecParser.WriteFields(w, m.DefaultSpec.Fields);
        }

        w.WriteNumber("default-spec-id", m.DefaultSpecId);
        w.WriteStartArray("partition-specs");
        foreach (var s in m.PartitionSpecs)
        {
            PartitionSpecParser.Write(w, s);
        }

        w.WriteEndArray();
        w.WriteNumber("last-partition-id", m.LastPartitionId);
        w.WriteNumber("default-sort-order-id", m.DefaultSortOrderId);
        w.WriteStartArray("sort-orders");
        foreach (var o in m.SortOrders)
        {
            SortOrderParser.Write(w, o);
        }

        w.WriteEndArray();
        WriteStringMap(w, "properties", m.Properties);
        if (m.CurrentSnapshotId is { } current)
        {
            w.WriteNumber("current-snapshot-id", current);
        }
        else if (m.FormatVersion < 3)
        {
            w.WriteNumber("current-snapshot-id", -1);
        }

        w.WriteStartObject("refs");
        foreach (var (name, r) in m.Refs)
        {
            w.WriteStartObject(name);
            w.WriteNumber("snapshot-id", r.SnapshotId);
            w.WriteString("type", r.IsBranch ? "branch" : "tag");
            if (r.MinSnapshotsToKeep is { } min)
            {
                w.WriteNumber("min-snapshots-to-keep", min);
            }

            if (r.MaxSnapshotAgeMs is { } age)
            {
                w.WriteNumber("max-snapshot-age-ms", age);
            }

            if (r.MaxRefAgeMs is { } refAge)
            {
                w.WriteNumber("max-ref-age-ms", refAge);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("snapshots");
        foreach (var s in m.Snapshots)
        {
            WriteSnapshot(w, s, m.FormatVersion);
        }

        w.WriteEndArray();
        WriteStatistics(w, m);
        w.WriteStartArray("snapshot-log");
        foreach (var e in m.SnapshotLog)
        {
            w.WriteStartObject();
            w.WriteNumber("timestamp-ms", e.TimestampMs);
            w.WriteNumber("snapshot-id", e.SnapshotId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("metadata-log");
        foreach (var e in m.MetadataLog)
        {
            w.WriteStartObject();
            w.WriteNumber("timestamp-ms", e.TimestampMs);
            w.WriteString("metadata-file", e.MetadataFile);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (m.FormatVersion >= 3 || m.NextRowId is not null)
        {
            w.WriteNumber("next-row-id", m.NextRowId ?? 0);
        }

        if (m.EncryptionKeys.Count > 0)
        {
            w.WriteStartArray("encryption-keys");
            foreach (var k in m.EncryptionKeys)
            {
                w.WriteStartObject();
                w.WriteString("key-id", k.KeyId);
                w.WriteString("encrypted-key-metadata", k.EncryptedKeyMetadata);
                if (k.EncryptedById is not null)
                {
                    w.WriteString("encrypted-by-id", k.EncryptedById);
                }

                if (k.Properties is not null)
                {
                    WriteStringMap(w, "properties", k.Properties);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteSnapshot(Utf8JsonWriter w, Snapshot s, int formatVersion)
    {
        w.WriteStartObject();
        w.WriteNumber("snapshot-id", s.SnapshotId);
        if (s.ParentSnapshotId is { } parent)
        {
            w.WriteNumber("parent-snapshot-id", parent);
        }

        if (formatVersion > 1)
        {
            w.WriteNumber("sequence-number", s.SequenceNumber);
        }

        w.WriteNumber("timestamp-ms", s.TimestampMs);
        if (s.Summary.Count > 0 || formatVersion > 1)
        {
            w.WriteStartObject("summary");
            if (s.Operation is { } op)
            {
                w.WriteString(Snapshot.OperationKey, op);
            }

            foreach (var (k, v) in s.Summary)
            {
                if (!string.Equals(k, Snapshot.OperationKey, StringComparison.Ordinal))
                {
                    w.WriteString(k, v);
                }
            }

            w.WriteEndObject();
        }

        if (s.ManifestList is not null)
        {
            w.WriteString("manifest-list", s.ManifestList);
        }
        else if (s.Manifests is not null)
        {
            w.WriteStartArray("manifests");
            foreach (var m in s.Manifests)
            {
                w.WriteStringValue(m);
            }

            w.WriteEndArray();
        }

        if (s.SchemaId is { } schemaId)
        {
            w.WriteNumber("schema-id", schemaId);
        }

        if (s.FirstRowId is { } firstRowId)
        {
            w.WriteNumber("first-row-id", firstRowId);
        }

        if (s.AddedRows is { } addedRows)
        {
            w.WriteNumber("added-rows", addedRows);
        }

        if (s.KeyId is not null)
        {
            w.WriteString("key-id", s.KeyId);
        }

        w.WriteEndObject();
    }

    private static void WriteStatistics(Utf8JsonWriter w, TableMetadata m)
    {
        w.WriteStartArray("statistics");
        foreach (var f in m.Statistics)
        {
            w.WriteStartObject();
            w.WriteNumber("snapshot-id", f.SnapshotId);
            w.WriteString("statistics-path", f.StatisticsPath);
            w.WriteNumber("file-size-in-bytes", f.FileSizeInBytes);
            w.WriteNumber("file-footer-size-in-bytes", f.FileFooterSizeInBytes);
            if (f.KeyMetadata is not null)
            {
                w.WriteString("key-metadata", f.KeyMetadata);
            }

            w.WriteStartArray("blob-metadata");
            foreach (var b in f.BlobMetadata)
            {
                w.WriteStartObject();
                w.WriteString("type", b.Type);
                w.WriteNumber("snapshot-id", b.SourceSnapshotId);
                w.WriteNumber("sequence-number", b.SourceSnapshotSequenceNumber);
                w.WriteStartArray("fields");
                foreach (var id in b.Fields)
                {
                    w.WriteNumberValue(id);
                }

                w.WriteEndArray();
                if (b.Properties is not null)
                {
                    WriteStringMap(w, "properties", b.Properties);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("partition-statistics");
        foreach (var f in m.PartitionStatistics)
        {
            w.WriteStartObject();
            w.WriteNumber("snapshot-id", f.SnapshotId);
            w.WriteString("statistics-path", f.StatisticsPath);
            w.WriteNumber("file-size-in-bytes", f.FileSizeInBytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStringMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in map)
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    }
}
