using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.MetadataTables;
using Lakehouse.Table.Tests.Scanning;
using Lakehouse.Testing;
using Xunit;
using MetadataTableReader = Lakehouse.Table.MetadataTables.MetadataTables;

namespace Lakehouse.Table.Tests.MetadataTables;

public sealed class MetadataTablesTests
{
    private const string SparkTable = "iceberg/duckdb__duckdb-iceberg@96752aede1ca/data/iceberg/generated_spec2_0_001/pyspark_iceberg_table";

    /// <summary>
    /// Every metadata table of every fixture table reads, every batch has the table's schema, and the counts agree with
    /// the manifests read directly: files = live entries, data_files + delete_files = files, entries = all entries,
    /// partitions total the live data files' records.
    /// </summary>
    [SkippableFact]
    public void EveryMetadataTableOfEveryFixtureReadsAndAgreesWithTheManifests()
    {
        var failures = new List<string>();
        foreach (var folder in FixtureTables.All())
        {
            var name = FixtureTables.Name(folder);
            try
            {
                var table = IcebergTable.Load(folder);
                foreach (var kind in Enum.GetValues<MetadataTableType>())
                {
                    var data = MetadataTableReader.Read(table, kind);
                    Assert.Equal(MetadataTableReader.SchemaOf(table, kind), data.Schema);
                    foreach (var batch in data.Batches)
                    {
                        Assert.Same(data.Schema, batch.Schema);
                        Assert.True(batch.Length > 0);
                    }
                }

                long live = 0, liveData = 0, all = 0, dataRecords = 0, manifests = 0;
                if (table.Metadata.CurrentSnapshot is { } current)
                {
                    foreach (var manifest in table.ReadManifestList(current))
                    {
                        manifests++;
                        foreach (var entry in table.ReadManifest(manifest))
                        {
                            all++;
                            if (entry.IsLive)
                            {
                                live++;
                                if (entry.DataFile.Content == FileContent.Data)
                                {
                                    liveData++;
                                    dataRecords += entry.DataFile.RecordCount;
                                }
                            }
                        }
                    }
                }

                Assert.Equal(table.Metadata.Snapshots.Count, MetadataTableReader.Read(table, MetadataTableType.Snapshots).RowCount);
                Assert.Equal(table.Metadata.Refs.Count, MetadataTableReader.Read(table, MetadataTableType.Refs).RowCount);
                Assert.Equal(manifests, MetadataTableReader.Read(table, MetadataTableType.Manifests).RowCount);
                Assert.Equal(all, MetadataTableReader.Read(table, MetadataTableType.Entries).RowCount);
                Assert.Equal(live, MetadataTableReader.Read(table, MetadataTableType.Files).RowCount);
                Assert.Equal(liveData, MetadataTableReader.Read(table, MetadataTableType.DataFiles).RowCount);
                Assert.Equal(live - liveData, MetadataTableReader.Read(table, MetadataTableType.DeleteFiles).RowCount);
                var partitions = MetadataTableReader.Read(table, MetadataTableType.Partitions);
                Assert.Equal(dataRecords, SumInt64(partitions, "record_count"));
                Assert.Equal(liveData, SumInt64(partitions, "file_count"));
            }
            catch (Exception e) when (e is not IcebergException { Kind: IcebergErrorKind.NotSupported })
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void SparkTableSnapshotsHistoryFilesAndPartitionsHaveTrinosColumns()
    {
        var table = IcebergTable.Load(SharedFixtures.Require(SparkTable));

        var snapshots = Single(MetadataTableReader.Read(table, MetadataTableType.Snapshots));
        Assert.Equal(["committed_at", "snapshot_id", "parent_id", "operation", "manifest_list", "summary"], Names(snapshots.Schema));
        var ids = (PrimitiveArray<long>)snapshots.Column(1);
        Assert.Equal(table.Metadata.Snapshots[0].SnapshotId, ids.Value(0));
        Assert.True(snapshots.Column(2).IsNull(0));
        Assert.Equal("append", ((BinaryArray)snapshots.Column(3)).GetString(0));
        var summary = (MapArray)snapshots.Column(5);
        Assert.Equal(table.Metadata.Snapshots[0].Summary.Count, summary.ValueOffsets[1] - summary.ValueOffsets[0]);

        var history = Single(MetadataTableReader.Read(table, MetadataTableType.History));
        Assert.Equal(["made_current_at", "snapshot_id", "parent_id", "is_current_ancestor"], Names(history.Schema));
        var current = (BooleanArray)history.Column(3);
        Assert.True(current.Value(history.Length - 1));

        var files = Single(MetadataTableReader.Read(table, MetadataTableType.Files));
        Assert.Equal(
            ["content", "file_path", "file_format", "spec_id", "record_count", "file_size_in_bytes", "column_sizes", "value_counts", "null_value_counts",
             "nan_value_counts", "lower_bounds", "upper_bounds", "key_metadata", "split_offsets", "equality_ids", "sort_order_id", "readable_metrics"],
            Names(files.Schema));
        var content = (PrimitiveArray<int>)files.Column(0);
        Assert.Contains(1, content.Values.ToArray());
        var metrics = ((BinaryArray)files.Column(16)).GetString(0)!;
        using var json = System.Text.Json.JsonDocument.Parse(metrics);
        Assert.True(json.RootElement.EnumerateObject().Any());
    }

    [SkippableFact]
    public void PartitionedFixtureFilesCarryTheUnionPartitionStruct()
    {
        var failures = new List<string>();
        var checkedTables = 0;
        foreach (var folder in FixtureTables.All())
        {
            var table = IcebergTable.Load(folder);
            if (table.Metadata.PartitionSpecs.All(s => s.IsUnpartitioned) || table.Metadata.CurrentSnapshot is null)
            {
                continue;
            }

            MetadataTableData files;
            try
            {
                files = MetadataTableReader.Read(table, MetadataTableType.DataFiles);
            }
            catch (IcebergException e) when (e.Kind == IcebergErrorKind.NotSupported)
            {
                continue;
            }

            var index = files.Schema.IndexOf("partition");
            if (index < 0)
            {
                failures.Add($"{FixtureTables.Name(folder)}: no partition column");
                continue;
            }

            // Every file written with a partitioned spec has a non-null partition struct.
            var specs = table.Metadata.PartitionSpecs.ToDictionary(s => s.SpecId);
            foreach (var batch in files.Batches)
            {
                var specIds = (PrimitiveArray<int>)batch.Column(3);
                var partition = batch.Column(index);
                for (var r = 0; r < batch.Length; r++)
                {
                    if (partition.IsNull(r))
                    {
                        failures.Add($"{FixtureTables.Name(folder)}: null partition struct in row {r}");
                    }
                }

                Assert.True(specIds.Length == batch.Length);
            }

            checkedTables++;
            _ = specs;
        }

        Assert.True(checkedTables > 5, $"only {checkedTables} partitioned fixture tables");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void NamesParseCaseInsensitively()
    {
        Assert.True(MetadataTableReader.TryParse("ALL_MANIFESTS", out var kind));
        Assert.Equal(MetadataTableType.AllManifests, kind);
        Assert.True(MetadataTableReader.TryParse("metadata_log_entries", out kind));
        Assert.Equal(MetadataTableType.MetadataLogEntries, kind);
        Assert.False(MetadataTableReader.TryParse("nope", out _));
        foreach (var k in Enum.GetValues<MetadataTableType>())
        {
            Assert.True(MetadataTableReader.TryParse(MetadataTableReader.NameOf(k), out var parsed));
            Assert.Equal(k, parsed);
        }
    }

    private static RecordBatch Single(MetadataTableData data) => Assert.Single(data.Batches);

    private static List<string> Names(Schema schema)
    {
        var result = new List<string>();
        for (var i = 0; i < schema.Count; i++)
        {
            result.Add(schema[i].Name);
        }

        return result;
    }

    private static long SumInt64(MetadataTableData data, string column)
    {
        long sum = 0;
        var index = data.Schema.IndexOf(column);
        foreach (var batch in data.Batches)
        {
            var values = (PrimitiveArray<long>)batch.Column(index);
            for (var i = 0; i < batch.Length; i++)
            {
                sum += values.Value(i);
            }
        }

        return sum;
    }
}
