using System.Numerics;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;
using Xunit;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>Manifest lists and manifests of every fixture table: inheritance applied, partition tuples typed per spec.</summary>
public sealed class ManifestModelTests
{
    private static bool HasRepresentation(object value, PrimitiveType type) => type.TypeId switch
    {
        TypeId.Boolean => value is bool,
        TypeId.Int or TypeId.Date => value is int,
        TypeId.Long or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs => value is long,
        TypeId.Float => value is float,
        TypeId.Double => value is double,
        TypeId.Decimal => value is BigInteger,
        TypeId.String => value is string,
        TypeId.Uuid => value is Guid,
        TypeId.Fixed or TypeId.Binary => value is byte[],
        _ => true,
    };

    [SkippableFact]
    public void EntriesInheritAndPartitionsAreTyped()
    {
        var entries = 0;
        var typedValues = 0;
        foreach (var folder in FixtureTables.All())
        {
            var table = IcebergTable.Load(folder);
            var metadata = table.Metadata;
            if (metadata.CurrentSnapshot is not { } snapshot)
            {
                continue;
            }

            List<ManifestFile> manifests;
            try
            {
                manifests = table.ReadManifestList(snapshot);
            }
            catch (IcebergException e) when (e.Kind == IcebergErrorKind.NotFound)
            {
                continue;
            }

            foreach (var manifest in manifests)
            {
                Assert.True(manifest.SequenceNumber <= snapshot.SequenceNumber, $"{manifest}: seq above the snapshot's");
                foreach (var entry in table.ReadManifest(manifest))
                {
                    entries++;
                    var name = $"{FixtureTables.Name(folder)}: {entry}";
                    Assert.NotNull(entry.SnapshotId);
                    if (entry.IsLive)
                    {
                        Assert.NotNull(entry.SequenceNumber);
                        Assert.InRange(entry.SequenceNumber!.Value, 0, Math.Max(snapshot.SequenceNumber, metadata.LastSequenceNumber));
                    }

                    if (metadata.FormatVersion == 1)
                    {
                        Assert.Equal(0, entry.SequenceNumber);
                    }

                    var spec = metadata.SpecById(entry.DataFile.SpecId)!;
                    Assert.Equal(spec.Fields.Count, entry.DataFile.Partition.Count);
                    for (var i = 0; i < spec.Fields.Count; i++)
                    {
                        var value = entry.DataFile.Partition[i];
                        var source = metadata.Schemas.Select(s => s.FindField(spec.Fields[i].SourceId)).LastOrDefault(f => f is not null);
                        if (value is null || source is null)
                        {
                            continue;
                        }

                        var type = spec.Fields[i].Transform.ResultType((PrimitiveType)source.Type);
                        Assert.True(HasRepresentation(value, type), $"{name}: partition {spec.Fields[i].Name} = {value} ({value.GetType().Name}) for {type}");
                        typedValues++;
                    }

                    Assert.True(entry.DataFile.RecordCount >= 0, name);
                }
            }
        }

        Assert.True(entries > 300, $"{entries} entries");
        Assert.True(typedValues > 100, $"{typedValues} partition values");
    }
}
