using Lakehouse.Arrow;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Catalog.Sql;
using Lakehouse.Table.IO.S3;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.IO;

/// <summary>
/// Tables on S3 (s3rver) scan end to end: fixture tables written by other engines are copied to the bucket with their
/// paths rewritten, loaded through S3FileIO (directly and through a SQL catalog) and must give the same batches as
/// the local copy.
/// </summary>
public sealed class S3TableScanTests : IClassFixture<S3Server>
{
    private readonly S3Server _server;

    public S3TableScanTests(S3Server server) => _server = server;

    [SkippableTheory]
    [InlineData("iceberg/apache__impala@b21595276c6c/testdata/data/iceberg_test/iceberg_partitioned")]
    [InlineData("iceberg/apache__impala@b21595276c6c/testdata/data/iceberg_test/hadoop_catalog/ice/iceberg_v2_delete_equality_partitioned")]
    public async Task RelocatedFixtureScansLikeTheLocalCopy(string fixture)
    {
        var local = IcebergTable.Load(SharedFixtures.Require(fixture));
        var options = _server.Require().Options;
        using var io = new S3FileIO(options);
        var location = $"s3://{S3Server.Bucket}/{Guid.NewGuid():N}/table";
        var metadataLocation = await TableRelocator.CopyAsync(local, io, location);

        var remote = await IcebergTable.LoadAsync(io, metadataLocation);
        Assert.Null(remote.Files);
        Assert.Equal(location, remote.Metadata.Location);
        await AssertSameBatchesAsync(local, remote);

        // Planning with a filter prunes the same files on S3 as locally.
        var filter = Lakehouse.Table.Expressions.Expressions.NotNull(local.Metadata.CurrentSchema.Fields[0].Name);
        Assert.Equal(local.NewScan().Where(filter).PlanFiles().Count, remote.NewScan().Where(filter).PlanFiles().Count);
    }

    [SkippableFact]
    public async Task CatalogOnS3WarehouseLoadsTheTable()
    {
        var local = IcebergTable.Load(SharedFixtures.Require("iceberg/apache__impala@b21595276c6c/testdata/data/iceberg_test/iceberg_partitioned"));
        var options = _server.Require().Options;
        var directory = RepoPaths.NewTempDirectory("s3-catalog");
        try
        {
            var warehouse = $"s3://{S3Server.Bucket}/{Guid.NewGuid():N}";
            await using var catalog = new SqlCatalog("lakehouse", warehouse, new S3FileIO(options), new SqliteDialect(Path.Combine(directory, "catalog.db")));
            var id = TableIdentifier.Parse("impala.partitioned");
            Assert.Equal($"{warehouse}/impala/partitioned", catalog.DefaultTableLocation(id));
            var metadataLocation = await TableRelocator.CopyAsync(local, catalog.FileIO, catalog.DefaultTableLocation(id));
            await catalog.CreateNamespaceAsync(id.Namespace);
            await catalog.RegisterTableAsync(id, metadataLocation);

            var table = await catalog.LoadTableAsync(id);
            Assert.Equal(metadataLocation, table.MetadataLocation);
            await AssertSameBatchesAsync(local, table);

            var files = new List<string>();
            await foreach (var entry in catalog.FileIO.ListPrefixAsync(catalog.DefaultTableLocation(id) + "/data/"))
            {
                files.Add(entry.Location);
            }

            Assert.Equal(20, files.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AssertSameBatchesAsync(IcebergTable expected, IcebergTable actual)
    {
        var want = new List<RecordBatch>();
        await foreach (var batch in expected.NewScan().ToBatchesAsync())
        {
            want.Add(batch);
        }

        var got = new List<RecordBatch>();
        await foreach (var batch in actual.NewScan().ToBatchesAsync())
        {
            got.Add(batch);
        }

        Assert.NotEmpty(want);
        Assert.Equal(want.Count, got.Count);
        for (var i = 0; i < want.Count; i++)
        {
            Assert.Null(ArrayComparer.Compare(want[i], got[i]));
        }
    }
}
