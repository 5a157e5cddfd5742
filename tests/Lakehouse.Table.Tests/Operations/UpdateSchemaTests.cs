using Lakehouse.Table.Catalog;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Operations;

public sealed class UpdateSchemaTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("update-schema");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Schema Nested() => new(
    [
        NestedField.Required(1, "id", PrimitiveType.Int),
        NestedField.Optional(2, "data", PrimitiveType.String),
        NestedField.Optional(3, "location", new StructType([NestedField.Required(4, "lat", PrimitiveType.Float), NestedField.Required(5, "long", PrimitiveType.Float)])),
        NestedField.Optional(6, "points", new ListType(7, new StructType([NestedField.Required(8, "x", PrimitiveType.Long)]), true)),
        NestedField.Optional(9, "props", new MapType(10, PrimitiveType.String, 11, new StructType([NestedField.Optional(12, "v", PrimitiveType.Decimal(9, 2))]), false)),
        NestedField.Optional(13, "ts", PrimitiveType.TimestampTz),
    ]);

    private async Task<TableOperations> CreateAsync(Schema? schema = null, PartitionSpec? spec = null, int formatVersion = 2)
    {
        var catalog = new InMemoryCatalog(_dir);
        return await TableOperations.CreateTableAsync(catalog, TableIdentifier.Parse("db.t"), schema ?? Nested(), spec, properties: new Dictionary<string, string> { ["format-version"] = $"{formatVersion}" });
    }

    [SkippableFact]
    public async Task EvolutionRoundTripsThroughMetadataFiles()
    {
        var ops = await CreateAsync();
        var m = await ops.UpdateSchema()
            .AddColumn("count", PrimitiveType.Long, "a counter")
            .AddColumn("location", "alt", PrimitiveType.Double)
            .AddColumn("points", "y", PrimitiveType.Long)
            .AddColumn("props", "w", PrimitiveType.String)
            .AddColumn("nested", new StructType([NestedField.Optional(0, "a", new ListType(0, PrimitiveType.Int, false)), NestedField.Optional(0, "b", PrimitiveType.Boolean)]))
            .CommitAsync();
        var s = m.CurrentSchema;
        Assert.Equal(1, s.SchemaId);
        Assert.Equal(2, m.Schemas.Count);
        Assert.Equal(14, s.Field("count").Id);
        Assert.Equal("a counter", s.Field("count").Doc);
        Assert.Equal(15, s.Field("location.alt").Id);
        Assert.Equal(16, s.Field("points.element.y").Id);
        Assert.Equal(17, s.Field("props.value.w").Id);
        Assert.Equal(18, s.Field("nested").Id);
        Assert.Equal([19, 20], s.Field("nested").Type.AsStruct().Fields.Select(f => f.Id));
        Assert.Equal(21, ((ListType)s.Field("nested.a").Type).ElementId);
        Assert.Equal(21, m.LastColumnId);

        m = await ops.UpdateSchema()
            .RenameColumn("data", "payload")
            .RenameColumn("location.lat", "latitude")
            .UpdateColumn("id", PrimitiveType.Long)
            .UpdateColumn("location.long", PrimitiveType.Double)
            .UpdateColumn("props.value.v", PrimitiveType.Decimal(18, 2))
            .MakeColumnOptional("points.element.x")
            .DeleteColumn("nested")
            .UpdateColumnDoc("ts", "event time")
            .MoveFirst("ts")
            .MoveAfter("count", "ts")
            .MoveBefore("location.alt", "location.latitude")
            .SetIdentifierFields("id")
            .CommitAsync();
        s = m.CurrentSchema;
        Assert.Equal(2, s.SchemaId);
        Assert.Equal(["ts", "count", "id", "payload", "location", "points", "props"], s.Fields.Select(f => f.Name));
        Assert.Equal(["alt", "latitude", "long"], s.Field("location").Type.AsStruct().Fields.Select(f => f.Name));
        Assert.Equal(PrimitiveType.Long, s.Field("id").Type);
        Assert.Equal(PrimitiveType.Double, s.Field("location.long").Type);
        Assert.Equal(PrimitiveType.Decimal(18, 2), s.Field("props.value.v").Type);
        Assert.True(s.Field("points.element.x").IsOptional);
        Assert.Null(s.FindField("nested"));
        Assert.Equal("event time", s.Field("ts").Doc);
        Assert.Equal([1], s.IdentifierFieldIds);
        Assert.Equal(21, m.LastColumnId);

        // Reparse the committed file and compare; a no-op update commits nothing.
        var reloaded = await new TableOperations(ops.Catalog, ops.Identifier).RefreshAsync();
        Assert.Equal(m, reloaded);
        var same = await ops.UpdateSchema().UpdateColumn("id", PrimitiveType.Long).CommitAsync();
        Assert.Equal(m.MetadataFileLocation, same.MetadataFileLocation);

        // Adding a column again after deleting it gets a new id.
        m = await ops.UpdateSchema().AddColumn("nested", PrimitiveType.String).CommitAsync();
        Assert.Equal(22, m.CurrentSchema.Field("nested").Id);
        Assert.Equal(4, m.Schemas.Count);

        MetadataValidation.ValidateFolder(_dir);
    }

    [Fact]
    public async Task InvalidChangesAreRejectedWithPreciseMessages()
    {
        var ops = await CreateAsync(spec: new PartitionSpec(0, [new PartitionField(13, 1000, "ts_day", Transform.Day)]));
        async Task<string> Fails(Func<UpdateSchema, UpdateSchema> change) =>
            (await Assert.ThrowsAsync<IcebergException>(() => change(ops.UpdateSchema()).CommitAsync())).Message;

        Assert.Contains("cannot add column 'data': a column with that name already exists", await Fails(u => u.AddColumn("data", PrimitiveType.Int)));
        Assert.Contains("cannot add column 'location.lat'", await Fails(u => u.AddColumn("location", "lat", PrimitiveType.Int)));
        Assert.Contains("ambiguous name 'a.b'", await Fails(u => u.AddColumn("a.b", PrimitiveType.Int)));
        Assert.Contains("cannot add required column 'r'", await Fails(u => u.AddRequiredColumn("r", PrimitiveType.Int)));
        Assert.Contains("'data': it is not a struct", await Fails(u => u.AddColumn("data", "x", PrimitiveType.Int)));
        Assert.Contains("cannot delete column 'missing': it is not in the schema", await Fails(u => u.DeleteColumn("missing")));
        Assert.Contains("string -> int is not an allowed promotion", await Fails(u => u.UpdateColumn("data", PrimitiveType.Int)));
        Assert.Contains("long -> int", await Fails(u => u.UpdateColumn("points.element.x", PrimitiveType.Int)));
        Assert.Contains("decimal(9,2) -> decimal(12,3)", await Fails(u => u.UpdateColumn("props.value.v", PrimitiveType.Decimal(12, 3))));
        Assert.Contains("'location' is not a primitive type", await Fails(u => u.UpdateColumn("location", PrimitiveType.Long)));
        Assert.Contains("optional -> required", await Fails(u => u.RequireColumn("data")));
        Assert.Contains("cannot rename column 'data' to 'id'", await Fails(u => u.RenameColumn("data", "id")));
        Assert.Contains("in different structs", await Fails(u => u.MoveAfter("location.lat", "id")));
        Assert.Contains("after itself", await Fails(u => u.MoveAfter("id", "id")));
        Assert.Contains("list elements and map keys/values", await Fails(u => u.DeleteColumn("points.element")));
        Assert.Contains("cannot make map key 'props.key' optional", await Fails(u => u.MakeColumnOptional("props.key")));
        Assert.Contains("cannot delete column 'ts': it is the source of partition field 'ts_day'", await Fails(u => u.DeleteColumn("ts")));
        Assert.Contains("identifier field 'data' must be required", await Fails(u => u.SetIdentifierFields("data")));
        Assert.Contains("must not be float", await Fails(u => u.SetIdentifierFields("location.lat")));

        await ops.UpdateSchema().SetIdentifierFields("id").CommitAsync();
        Assert.Contains("cannot delete identifier field 'id'", await Fails(u => u.DeleteColumn("id")));
        var m = await ops.UpdateSchema().SetIdentifierFields().DeleteColumn("id").CommitAsync();
        Assert.Empty(m.CurrentSchema.IdentifierFieldIds);

        // Allowed with AllowIncompatibleChanges.
        m = await ops.UpdateSchema().AllowIncompatibleChanges().AddRequiredColumn("r", PrimitiveType.Int).RequireColumn("data").CommitAsync();
        Assert.True(m.CurrentSchema.Field("r").IsRequired);
        Assert.True(m.CurrentSchema.Field("data").IsRequired);
    }

    [Fact]
    public async Task CaseInsensitiveResolution()
    {
        var ops = await CreateAsync();
        var m = await ops.UpdateSchema().CaseSensitive(false).RenameColumn("DATA", "Data2").UpdateColumn("Location.LAT", PrimitiveType.Double).CommitAsync();
        Assert.NotNull(m.CurrentSchema.FindField("Data2"));
        Assert.Equal(PrimitiveType.Double, m.CurrentSchema.Field("location.lat").Type);
        await Assert.ThrowsAsync<IcebergException>(() => ops.UpdateSchema().RenameColumn("DATA2", "x").CommitAsync());
    }

    [Fact]
    public async Task V3AllowsDateToTimestampAndV2DoesNot()
    {
        var schema = new Schema([NestedField.Optional(1, "d", PrimitiveType.Date)]);
        var v2 = await CreateAsync(schema);
        await Assert.ThrowsAsync<IcebergException>(() => v2.UpdateSchema().UpdateColumn("d", PrimitiveType.Timestamp).CommitAsync());
        var catalog = new InMemoryCatalog(_dir);
        var v3 = await TableOperations.CreateTableAsync(catalog, TableIdentifier.Parse("v3"), schema, properties: new Dictionary<string, string> { ["format-version"] = "3" });
        var m = await v3.UpdateSchema().UpdateColumn("d", PrimitiveType.Timestamp).CommitAsync();
        Assert.Equal(PrimitiveType.Timestamp, m.CurrentSchema.Field("d").Type);
    }

    [SkippableFact]
    public async Task V3DefaultsAllowRequiredColumns()
    {
        var catalog = new InMemoryCatalog(_dir);
        var v3 = await TableOperations.CreateTableAsync(catalog, TableIdentifier.Parse("v3"), new Schema([NestedField.Required(1, "id", PrimitiveType.Long)]), properties: new Dictionary<string, string> { ["format-version"] = "3" });
        var m = await v3.UpdateSchema()
            .AddColumnWithDefault(null, "region", PrimitiveType.String, "eu", required: true)
            .AddColumnWithDefault(null, "score", PrimitiveType.Decimal(9, 2), 12.5m)
            .CommitAsync();
        var region = m.CurrentSchema.Field("region");
        Assert.True(region.IsRequired);
        Assert.Equal("eu", region.InitialDefault);
        Assert.Equal("eu", region.WriteDefault);
        Assert.Equal(new System.Numerics.BigInteger(1250), m.CurrentSchema.Field("score").InitialDefault);

        m = await v3.UpdateSchema().UpdateColumnDefault("region", "us").CommitAsync();
        Assert.Equal("eu", m.CurrentSchema.Field("region").InitialDefault);
        Assert.Equal("us", m.CurrentSchema.Field("region").WriteDefault);
        Assert.Equal(m, await new TableOperations(catalog, v3.Identifier).RefreshAsync());

        var v2 = await CreateAsync();
        Assert.Contains("default values need format version 3", (await Assert.ThrowsAsync<IcebergException>(() => v2.UpdateSchema().AddColumnWithDefault(null, "x", PrimitiveType.Int, 1).CommitAsync())).Message);
        Assert.Contains("cannot convert", (await Assert.ThrowsAsync<IcebergException>(() => v3.UpdateSchema().AddColumnWithDefault(null, "y", PrimitiveType.Int, "abc").CommitAsync())).Message);
        MetadataValidation.ValidateFolder(Path.Combine(_dir, "v3"));
    }

    [Fact]
    public async Task NameMappingFollowsRenamesAndAdds()
    {
        var catalog = new InMemoryCatalog(_dir);
        var mapping = """[{"field-id": 1, "names": ["id", "record_id"]}, {"field-id": 2, "names": ["location"], "fields": [{"field-id": 3, "names": ["lat"]}]}, {"field-id": 9, "names": ["gone"]}]""";
        var schema = new Schema([NestedField.Required(1, "id", PrimitiveType.Long), NestedField.Optional(2, "location", new StructType([NestedField.Optional(3, "lat", PrimitiveType.Double)]))]);
        var ops = await TableOperations.CreateTableAsync(catalog, TableIdentifier.Parse("m"), schema, properties: new Dictionary<string, string> { [NameMapping.DefaultPropertyKey] = mapping });
        var m = await ops.UpdateSchema().RenameColumn("location.lat", "latitude").AddColumn("location", "lon", PrimitiveType.Double).AddColumn("tags", new ListType(0, PrimitiveType.String, false)).CommitAsync();
        var updated = m.NameMapping!;
        Assert.Equal(["id", "record_id"], updated.FindById(1)!.Names);
        Assert.Equal(["lat", "latitude"], updated.FindById(3)!.Names);
        Assert.Equal(["lon"], updated.FindById(4)!.Names);
        Assert.Equal(["tags"], updated.FindById(5)!.Names);
        Assert.Equal(["element"], updated.FindById(6)!.Names);
        Assert.Equal(["gone"], updated.FindById(9)!.Names);
        Assert.Equal(3, updated.Find("location", "lat")!.FieldId);
        Assert.Equal(3, updated.Find("location", "latitude")!.FieldId);
    }
}
