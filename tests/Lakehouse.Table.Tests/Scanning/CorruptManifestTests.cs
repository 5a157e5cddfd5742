using Lakehouse.Table.Manifests;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>Truncated or garbage manifests and manifest lists fail with an error naming the file, never a crash or hang.</summary>
public sealed class CorruptManifestTests
{
    [SkippableFact]
    public void TruncatedManifestsFailNamingTheFile()
    {
        var table = IcebergTable.Load(SharedFixtures.Require("iceberg/apache__impala@b21595276c6c/testdata/data/iceberg_test/iceberg_partitioned"));
        var snapshot = table.Metadata.CurrentSnapshot!;
        var listPath = table.Files!.Resolve(snapshot.ManifestList!);
        var listBytes = File.ReadAllBytes(listPath);
        var manifests = ManifestListReader.Read(listBytes, "list.avro");
        var manifestBytes = File.ReadAllBytes(table.Files!.Resolve(manifests[0].ManifestPath));
        var rng = new Random(42);
        for (var i = 0; i < 40; i++)
        {
            var cut = rng.Next(0, listBytes.Length - 1);
            var e1 = Record.Exception(() => ManifestListReader.Read(listBytes.AsMemory(0, cut), "list.avro"));
            if (e1 is not null)
            {
                Assert.Contains("list.avro", Assert.IsType<IcebergException>(e1).Message, StringComparison.Ordinal);
            }

            var corrupt = (byte[])manifestBytes.Clone();
            corrupt[rng.Next(corrupt.Length)] ^= (byte)rng.Next(1, 256);
            var m = new ManifestFile { ManifestPath = "bad-manifest.avro", PartitionSpecId = manifests[0].PartitionSpecId };
            var e2 = Record.Exception(() => ManifestReader.Read(corrupt.AsMemory(0, rng.Next(corrupt.Length)), m, table.Metadata));
            if (e2 is not null)
            {
                Assert.Contains("bad-manifest.avro", Assert.IsType<IcebergException>(e2).Message, StringComparison.Ordinal);
            }
        }

        Assert.Equal(20, ManifestReader.Read(manifestBytes, manifests[0], table.Metadata).Count);
    }
}
