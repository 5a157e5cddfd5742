using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Lakehouse.Avro.Container;
using Lakehouse.Avro.Schema;

namespace Lakehouse.Bench;

/// <summary>
/// Writes the metadata of a synthetic Iceberg v2 table with our Avro writer (not the table write path): schema
/// (id long, ts timestamptz, category string, value double), partitioned by day(ts); one snapshot whose manifest list
/// names <c>manifests</c> manifests, manifest m covering day m, each listing the given data files with column bounds.
/// </summary>
public static class SyntheticIcebergTable
{
    public const long SnapshotId = 1234567890123;
    private const long DayMicros = 86_400_000_000;

    private const string EntrySchema = """
        {"type":"record","name":"manifest_entry","fields":[
         {"name":"status","type":"int","field-id":0},
         {"name":"snapshot_id","type":["null","long"],"default":null,"field-id":1},
         {"name":"sequence_number","type":["null","long"],"default":null,"field-id":3},
         {"name":"file_sequence_number","type":["null","long"],"default":null,"field-id":4},
         {"name":"data_file","field-id":2,"type":{"type":"record","name":"r2","fields":[
          {"name":"content","type":"int","field-id":134},
          {"name":"file_path","type":"string","field-id":100},
          {"name":"file_format","type":"string","field-id":101},
          {"name":"partition","field-id":102,"type":{"type":"record","name":"r102","fields":[
            {"name":"ts_day","type":["null",{"type":"int","logicalType":"date"}],"default":null,"field-id":1000}]}},
          {"name":"record_count","type":"long","field-id":103},
          {"name":"file_size_in_bytes","type":"long","field-id":104},
          {"name":"value_counts","type":["null",{"type":"array","logicalType":"map","items":{"type":"record","name":"k119_v120","fields":[{"name":"key","type":"int","field-id":119},{"name":"value","type":"long","field-id":120}]}}],"default":null,"field-id":109},
          {"name":"null_value_counts","type":["null",{"type":"array","logicalType":"map","items":{"type":"record","name":"k121_v122","fields":[{"name":"key","type":"int","field-id":121},{"name":"value","type":"long","field-id":122}]}}],"default":null,"field-id":110},
          {"name":"lower_bounds","type":["null",{"type":"array","logicalType":"map","items":{"type":"record","name":"k126_v127","fields":[{"name":"key","type":"int","field-id":126},{"name":"value","type":"bytes","field-id":127}]}}],"default":null,"field-id":125},
          {"name":"upper_bounds","type":["null",{"type":"array","logicalType":"map","items":{"type":"record","name":"k129_v130","fields":[{"name":"key","type":"int","field-id":129},{"name":"value","type":"bytes","field-id":130}]}}],"default":null,"field-id":128}
         ]}}]}
        """;

    private const string ManifestFileSchema = """
        {"type":"record","name":"manifest_file","fields":[
         {"name":"manifest_path","type":"string","field-id":500},
         {"name":"manifest_length","type":"long","field-id":501},
         {"name":"partition_spec_id","type":"int","field-id":502},
         {"name":"content","type":"int","field-id":517},
         {"name":"sequence_number","type":"long","field-id":515},
         {"name":"min_sequence_number","type":"long","field-id":516},
         {"name":"added_snapshot_id","type":"long","field-id":503},
         {"name":"added_files_count","type":"int","field-id":504},
         {"name":"existing_files_count","type":"int","field-id":505},
         {"name":"deleted_files_count","type":"int","field-id":506},
         {"name":"added_rows_count","type":"long","field-id":512},
         {"name":"existing_rows_count","type":"long","field-id":513},
         {"name":"deleted_rows_count","type":"long","field-id":514},
         {"name":"partitions","type":["null",{"type":"array","items":{"type":"record","name":"r508","fields":[
           {"name":"contains_null","type":"boolean","field-id":509},
           {"name":"contains_nan","type":["null","boolean"],"default":null,"field-id":518},
           {"name":"lower_bound","type":["null","bytes"],"default":null,"field-id":510},
           {"name":"upper_bound","type":["null","bytes"],"default":null,"field-id":511}]},"element-id":508}],"default":null,"field-id":507}
        ]}
        """;

    private const string SpecJson = """[{"name":"ts_day","transform":"day","source-id":2,"field-id":1000}]""";

    private const string SchemaJson = """
        {"type":"struct","schema-id":0,"fields":[
         {"id":1,"name":"id","required":true,"type":"long"},
         {"id":2,"name":"ts","required":true,"type":"timestamptz"},
         {"id":3,"name":"category","required":false,"type":"string"},
         {"id":4,"name":"value","required":false,"type":"double"}]}
        """;

    /// <summary>A data file of the synthetic table: where, how many rows, its day (partition) and id range.</summary>
    public sealed record SyntheticFile(string Path, long Rows, long Bytes, int Day, long MinId, long MaxId);

    /// <summary>Writes the table under <paramref name="root"/> (metadata/ holds everything); files are grouped into manifests by day.</summary>
    public static void Write(string root, IReadOnlyList<SyntheticFile> files)
    {
        var metadataDir = Path.Combine(root, "metadata");
        Directory.CreateDirectory(metadataDir);
        var entrySchema = AvroSchema.Parse(EntrySchema);
        var listSchema = AvroSchema.Parse(ManifestFileSchema);
        var manifests = new List<Dictionary<string, object?>>();
        foreach (var group in files.GroupBy(f => f.Day).OrderBy(g => g.Key))
        {
            var path = Path.Combine(metadataDir, $"manifest-{group.Key.ToString(CultureInfo.InvariantCulture)}-m0.avro");
            long rows = 0;
            var count = 0;
            using (var stream = File.Create(path))
            using (var writer = new AvroFileWriter(stream, entrySchema, new AvroFileWriterOptions
            {
                Metadata =
                [
                    new("schema", SchemaJson), new("partition-spec", SpecJson), new("partition-spec-id", "0"),
                    new("format-version", "2"), new("content", "data"),
                ],
            }))
            {
                foreach (var f in group)
                {
                    writer.Append(Entry(f));
                    rows += f.Rows;
                    count++;
                }
            }

            var day = DayBytes(group.Key);
            manifests.Add(new Dictionary<string, object?>
            {
                ["manifest_path"] = path,
                ["manifest_length"] = new FileInfo(path).Length,
                ["partition_spec_id"] = 0,
                ["content"] = 0,
                ["sequence_number"] = 1L,
                ["min_sequence_number"] = 1L,
                ["added_snapshot_id"] = SnapshotId,
                ["added_files_count"] = count,
                ["existing_files_count"] = 0,
                ["deleted_files_count"] = 0,
                ["added_rows_count"] = rows,
                ["existing_rows_count"] = 0L,
                ["deleted_rows_count"] = 0L,
                ["partitions"] = new List<object?>
                {
                    new Dictionary<string, object?> { ["contains_null"] = false, ["contains_nan"] = null, ["lower_bound"] = day, ["upper_bound"] = day },
                },
            });
        }

        var listPath = Path.Combine(metadataDir, $"snap-{SnapshotId.ToString(CultureInfo.InvariantCulture)}-1-list.avro");
        using (var stream = File.Create(listPath))
        using (var writer = new AvroFileWriter(stream, listSchema, new AvroFileWriterOptions
        {
            Metadata = [new("snapshot-id", SnapshotId.ToString(CultureInfo.InvariantCulture)), new("sequence-number", "1"), new("format-version", "2")],
        }))
        {
            foreach (var m in manifests)
            {
                writer.Append(m);
            }
        }

        var totalRows = files.Sum(f => f.Rows);
        var metadata = $$"""
            {"format-version":2,"table-uuid":"00000000-0000-0000-0000-000000000001","location":"{{JsonText(root)}}",
             "last-sequence-number":1,"last-updated-ms":1700000000000,"last-column-id":4,
             "current-schema-id":0,"schemas":[{{SchemaJson}}],
             "default-spec-id":0,"partition-specs":[{"spec-id":0,"fields":{{SpecJson}}}],"last-partition-id":1000,
             "default-sort-order-id":0,"sort-orders":[{"order-id":0,"fields":[]}],"properties":{},
             "current-snapshot-id":{{SnapshotId}},
             "snapshots":[{"snapshot-id":{{SnapshotId}},"sequence-number":1,"timestamp-ms":1700000000000,"manifest-list":"{{JsonText(listPath)}}",
               "summary":{"operation":"append","added-records":"{{totalRows}}"},"schema-id":0}],
             "snapshot-log":[{"timestamp-ms":1700000000000,"snapshot-id":{{SnapshotId}}}],"metadata-log":[]}
            """;
        File.WriteAllText(Path.Combine(metadataDir, "v1.metadata.json"), metadata, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(metadataDir, "version-hint.text"), "1");
    }

    /// <summary>Microseconds since the epoch of the start of day <paramref name="day"/> (days since 1970-01-01).</summary>
    public static long DayStartMicros(int day) => day * DayMicros;

    private static Dictionary<string, object?> Entry(SyntheticFile f) => new()
    {
        ["status"] = 1,
        ["snapshot_id"] = SnapshotId,
        ["sequence_number"] = null,
        ["file_sequence_number"] = null,
        ["data_file"] = new Dictionary<string, object?>
        {
            ["content"] = 0,
            ["file_path"] = f.Path,
            ["file_format"] = "PARQUET",
            ["partition"] = new Dictionary<string, object?> { ["ts_day"] = f.Day },
            ["record_count"] = f.Rows,
            ["file_size_in_bytes"] = f.Bytes,
            ["value_counts"] = Counts(f.Rows),
            ["null_value_counts"] = Counts(0),
            ["lower_bounds"] = Bounds(f.MinId, DayStartMicros(f.Day)),
            ["upper_bounds"] = Bounds(f.MaxId, DayStartMicros(f.Day + 1) - 1),
        },
    };

    private static List<object?> Counts(long n) =>
    [
        new Dictionary<string, object?> { ["key"] = 1, ["value"] = n },
        new Dictionary<string, object?> { ["key"] = 2, ["value"] = n },
    ];

    private static List<object?> Bounds(long id, long ts) =>
    [
        new Dictionary<string, object?> { ["key"] = 1, ["value"] = LongBytes(id) },
        new Dictionary<string, object?> { ["key"] = 2, ["value"] = LongBytes(ts) },
    ];

    private static byte[] LongBytes(long v)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, v);
        return b;
    }

    private static byte[] DayBytes(int day)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, day);
        return b;
    }

    private static string JsonText(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
