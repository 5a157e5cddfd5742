using Lakehouse.Arrow.Types;
using Lakehouse.Table.Tests.Metadata;
using Lakehouse.Table.Types;
using Xunit;
using ArrowSchema = Lakehouse.Arrow.Schema;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;
using Schema = Lakehouse.Table.Types.Schema;

namespace Lakehouse.Table.Tests.Types;

public sealed class SchemaTests
{
    [Theory]
    [InlineData("boolean")]
    [InlineData("int")]
    [InlineData("long")]
    [InlineData("float")]
    [InlineData("double")]
    [InlineData("decimal(9,2)")]
    [InlineData("date")]
    [InlineData("time")]
    [InlineData("timestamp")]
    [InlineData("timestamptz")]
    [InlineData("timestamp_ns")]
    [InlineData("timestamptz_ns")]
    [InlineData("string")]
    [InlineData("uuid")]
    [InlineData("fixed[16]")]
    [InlineData("binary")]
    [InlineData("variant")]
    [InlineData("unknown")]
    [InlineData("geometry")]
    [InlineData("geometry(srid:4326)")]
    [InlineData("geography(srid:4326, vincenty)")]
    public void PrimitiveTypeStringsRoundTrip(string text) => Assert.Equal(text, PrimitiveType.Parse(text).ToString());

    [Fact]
    public void ParseAcceptsWhitespaceAndRejectsUnknown()
    {
        Assert.Equal(PrimitiveType.Decimal(9, 2), PrimitiveType.Parse("decimal( 9 , 2 )"));
        Assert.Equal(PrimitiveType.Fixed(3), PrimitiveType.Parse("fixed[ 3 ]"));
        Assert.Throws<IcebergException>(() => PrimitiveType.Parse("decimal(39,2)"));
        Assert.Throws<IcebergException>(() => PrimitiveType.Parse("timestamp_tz"));
    }

    [Theory]
    [InlineData("variant")]
    [InlineData("geometry")]
    [InlineData("geography")]
    [InlineData("unknown")]
    public void V3TypesAreFlaggedUnsupportedForReading(string text)
    {
        var type = PrimitiveType.Parse(text);
        Assert.False(type.IsReadable);
        var ex = Assert.Throws<IcebergException>(() => type.EnsureReadable("col"));
        Assert.Equal(IcebergErrorKind.NotSupported, ex.Kind);
        Assert.Equal($"not supported: reading {text} values (column 'col')", ex.Message);
    }

    [Fact]
    public void LookupsByIdAndName()
    {
        var s = SampleMetadata.Schema;
        Assert.Equal(15, s.HighestFieldId);
        Assert.Equal("lat", s.FindField(6)!.Name);
        Assert.Equal(6, s.FindField("location.lat")!.Id);
        Assert.Null(s.FindField("Location.LAT"));
        Assert.Equal(6, s.FindField("Location.LAT", caseSensitive: false)!.Id);
        Assert.Equal(9, s.FindField("tags.element")!.Id);
        Assert.Equal(11, s.FindField("props.key")!.Id);
        Assert.Equal(12, s.FindField("props.value")!.Id);
        Assert.Equal("props.value", s.FindColumnName(12));
        Assert.Equal(5, s.ParentId(7));
        Assert.Equal(10, s.ParentId(12));
        Assert.Null(s.ParentId(1));
        Assert.Equal([1], s.IdentifierFieldIds);
        Assert.Throws<IcebergException>(() => s.Field("missing"));
    }

    [Fact]
    public void ArrowConversionKeepsIdsAndMapsTypes()
    {
        var arrow = ArrowSchemaConverter.ToArrow(SampleMetadata.Schema);
        Assert.Equal("1", arrow[0].GetMetadata("PARQUET:field_id"));
        Assert.False(arrow[0].IsNullable);
        Assert.Equal(new TimestampType(TimeUnit.Microsecond, "UTC"), arrow[1].Type);
        Assert.Equal(new DecimalType(10, 2), arrow[3].Type);
        Assert.Equal(new FixedSizeBinaryType(16), arrow[7].Type);
        Assert.Equal("arrow.uuid", arrow[7].GetMetadata("ARROW:extension:name"));
        Assert.Equal(ArrowType.Date32, arrow[8].Type);
        var list = Assert.IsType<Lakehouse.Arrow.Types.ListType>(arrow[5].Type);
        Assert.Equal("element", list.ValueField.Name);
        Assert.Equal("9", list.ValueField.GetMetadata("PARQUET:field_id"));
        var map = Assert.IsType<Lakehouse.Arrow.Types.MapType>(arrow[6].Type);
        Assert.Equal("11", map.KeyField.GetMetadata("PARQUET:field_id"));
        Assert.True(map.ValueField.IsNullable);
        Assert.False(map.KeyField.IsNullable);

        var back = ArrowSchemaConverter.FromArrow(arrow, schemaId: 1);
        var expected = new Schema(1, SampleMetadata.Schema.Fields.Select(StripDefaults).ToList());
        Assert.Equal(expected.Struct, back.Struct);
    }

    [Fact]
    public void TypePromotions()
    {
        Assert.True(TypePromotion.IsAllowed(PrimitiveType.Int, PrimitiveType.Long, 2));
        Assert.True(TypePromotion.IsAllowed(PrimitiveType.Float, PrimitiveType.Double, 1));
        Assert.True(TypePromotion.IsAllowed(PrimitiveType.Decimal(9, 2), PrimitiveType.Decimal(18, 2), 2));
        Assert.False(TypePromotion.IsAllowed(PrimitiveType.Decimal(9, 2), PrimitiveType.Decimal(18, 3), 2));
        Assert.False(TypePromotion.IsAllowed(PrimitiveType.Decimal(18, 2), PrimitiveType.Decimal(9, 2), 2));
        Assert.False(TypePromotion.IsAllowed(PrimitiveType.Long, PrimitiveType.Int, 2));
        Assert.False(TypePromotion.IsAllowed(PrimitiveType.Date, PrimitiveType.Timestamp, 2));
        Assert.True(TypePromotion.IsAllowed(PrimitiveType.Date, PrimitiveType.TimestampNs, 3));
        Assert.False(TypePromotion.IsAllowed(PrimitiveType.Date, PrimitiveType.TimestampTz, 3));
        Assert.True(TypePromotion.IsAllowed(PrimitiveType.Unknown, PrimitiveType.String, 3));
        Assert.False(TypePromotion.IsAllowed(PrimitiveType.Int, PrimitiveType.String, 3));
    }

    [Fact]
    public void IdentifierFieldRules()
    {
        SampleMetadata.Schema.ValidateIdentifierFields();
        var fields = new[]
        {
            NestedField.Required(1, "id", PrimitiveType.Long),
            NestedField.Optional(2, "opt", PrimitiveType.Long),
            NestedField.Required(3, "f", PrimitiveType.Double),
            NestedField.Optional(4, "s", new Lakehouse.Table.Types.StructType([NestedField.Required(5, "inner", PrimitiveType.Int)])),
            NestedField.Required(6, "r", new Lakehouse.Table.Types.StructType([NestedField.Required(7, "inner", PrimitiveType.Int)])),
            NestedField.Required(8, "l", new Lakehouse.Table.Types.ListType(9, PrimitiveType.Int, true)),
        };
        new Schema(0, fields, [1, 7]).ValidateIdentifierFields();
        foreach (var bad in new[] { 2, 3, 5, 9, 6, 42 })
        {
            Assert.Throws<IcebergException>(() => new Schema(0, fields, [bad]).ValidateIdentifierFields());
        }
    }

    [Fact]
    public void ArrowWithoutIdsGetsFreshIds()
    {
        var arrow = new ArrowSchema([
            new Lakehouse.Arrow.Field("a", ArrowType.Int16),
            new Lakehouse.Arrow.Field("b", new Lakehouse.Arrow.Types.ListType(ArrowType.LargeUtf8)),
            new Lakehouse.Arrow.Field("c", new TimestampType(TimeUnit.Nanosecond, "UTC"), false),
        ]);
        Assert.Throws<IcebergException>(() => ArrowSchemaConverter.FromArrow(arrow));
        var s = ArrowSchemaConverter.FromArrow(arrow, assignIds: true);
        Assert.Equal([1, 2, 3], s.Fields.Select(f => f.Id));
        Assert.Equal(PrimitiveType.Int, s.Fields[0].Type);
        Assert.Equal(new Lakehouse.Table.Types.ListType(4, PrimitiveType.String, false), s.Fields[1].Type);
        Assert.Equal(PrimitiveType.TimestampTzNs, s.Fields[2].Type);
        Assert.True(s.Fields[2].IsRequired);
        Assert.Throws<IcebergException>(() => ArrowSchemaConverter.ToArrowType(PrimitiveType.Variant));
    }

    private static NestedField StripDefaults(NestedField f) => new(f.Id, f.Name, StripDefaults(f.Type), f.IsRequired);

    private static IcebergType StripDefaults(IcebergType t) => t switch
    {
        Lakehouse.Table.Types.StructType s => new Lakehouse.Table.Types.StructType(s.Fields.Select(StripDefaults).ToList()),
        _ => t,
    };
}
