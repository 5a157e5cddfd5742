using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using ArrowSchema = Lakehouse.Arrow.Schema;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;
using Schema = Lakehouse.Table.Types.Schema;

namespace Lakehouse.Table.Tests.Writing;

/// <summary>A small table (id, category, value, name) for write tests: batches with deterministic rows, and reading rows back.</summary>
internal static class WriteFixture
{
    public static readonly string[] Categories = ["a", "b", "c", "d"];

    public static Schema TableSchema() => new(
    [
        NestedField.Required(1, "id", PrimitiveType.Long),
        NestedField.Optional(2, "category", PrimitiveType.String),
        NestedField.Optional(3, "value", PrimitiveType.Double),
        NestedField.Optional(4, "name", PrimitiveType.String),
    ]);

    public static PartitionSpec CategorySpec() => new(0, [new PartitionField(2, 1000, "category", Transform.Identity)]);

    public static Task<TableOperations> CreateAsync(ICatalog catalog, string name, bool partitioned = true, IReadOnlyDictionary<string, string>? properties = null) =>
        TableOperations.CreateTableAsync(catalog, TableIdentifier.Parse(name), TableSchema(), partitioned ? CategorySpec() : null, properties: properties);

    /// <summary>Rows <paramref name="firstId"/>.. with categories in runs of <paramref name="run"/> rows.</summary>
    public static RecordBatch Batch(long firstId, int count, int run = 7, string? category = null)
    {
        var ids = new long?[count];
        var cats = new string?[count];
        var values = new double?[count];
        var names = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            ids[i] = id;
            cats[i] = category ?? Categories[(int)(id / run % Categories.Length)];
            values[i] = id % 11 == 0 ? null : id * 0.5;
            names[i] = id % 13 == 0 ? null : $"name-{id}-with-a-rather-long-suffix-to-truncate";
        }

        var schema = new ArrowSchema(
        [
            new Field("id", ArrowType.Int64, false),
            new Field("category", ArrowType.Utf8),
            new Field("value", ArrowType.Float64),
            new Field("name", ArrowType.Utf8),
        ]);
        return new RecordBatch(schema, [ArrowArrays.Primitive(ArrowType.Int64, ids), ArrowArrays.Strings(cats), ArrowArrays.Primitive(ArrowType.Float64, values), ArrowArrays.Strings(names)], count);
    }

    /// <summary>Every (id, category) of the table's current snapshot, sorted, read with TableScan.</summary>
    public static async Task<List<(long Id, string? Category)>> ReadRowsAsync(TableMetadata metadata)
    {
        var table = IcebergTable.Load(metadata.MetadataFileLocation!);
        var rows = new List<(long, string?)>();
        if (table.Metadata.CurrentSnapshot is null)
        {
            return rows;
        }

        await foreach (var batch in table.NewScan().Select("id", "category").ToBatchesAsync())
        {
            var ids = (PrimitiveArray<long>)batch.Column("id")!;
            var cats = (BinaryArray)batch.Column("category")!;
            for (var i = 0; i < batch.Length; i++)
            {
                rows.Add((ids.Value(i), cats.GetString(i)));
            }
        }

        rows.Sort();
        return rows;
    }

    public static List<(long Id, string? Category)> Expected(long firstId, int count, int run = 7, string? category = null)
    {
        var rows = new List<(long, string?)>();
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            rows.Add((id, category ?? Categories[(int)(id / run % Categories.Length)]));
        }

        return rows;
    }

    public static List<ManifestFile> Manifests(TableMetadata metadata)
    {
        var table = IcebergTable.Load(metadata.MetadataFileLocation!);
        return table.ReadManifestList(table.Metadata.CurrentSnapshot!);
    }

    public static List<ManifestEntry> Entries(TableMetadata metadata)
    {
        var table = IcebergTable.Load(metadata.MetadataFileLocation!);
        return Manifests(metadata).SelectMany(table.ReadManifest).ToList();
    }
}
