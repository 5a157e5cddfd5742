using System.Numerics;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Metadata;

/// <summary>Specific values of tables written by other engines.</summary>
public sealed class FixtureDetailTests
{
    private static TableMetadata Load(string relative) => TableMetadataParser.ReadFile(SharedFixtures.Require(Path.Combine("iceberg", relative)));

    [SkippableFact]
    public void PyIcebergDefaultsOfEveryType()
    {
        var m = Load("duckdb__duckdb-iceberg@68623ff99d41/data/persistent/add_columns_with_defaults/default.db/add_columns_with_defaults/metadata/00003-3f1801a5-7dfb-4072-b14a-39cd12f9279b.metadata.json");
        var s = m.CurrentSchema;
        object? Initial(string name) => s.Field(name).InitialDefault;
        Assert.Equal(true, Initial("col_boolean"));
        Assert.Equal(342342, Initial("col_integer"));
        Assert.Equal(long.MinValue, Initial("col_long"));
        Assert.Equal(0.34234f, Initial("col_float"));
        Assert.Equal(0.342343242342342, Initial("col_double"));
        Assert.Equal(new BigInteger(1234500), Initial("col_decimal"));
        Assert.Equal(DateTimeUtil.DaysFromDate(new DateOnly(2003, 10, 20)), Initial("col_date"));
        Assert.Equal(12345L, Initial("col_time"));
        Assert.Equal(12345L, Initial("col_timestamp"));
        Assert.Equal(12345L, Initial("col_timestamptz"));
        Assert.Equal("HELLO", Initial("col_string"));
        Assert.Equal(Guid.Parse("f79c3e09-677c-4bbd-a479-3f349cb785e7"), Initial("col_uuid"));
        Assert.Equal(new byte[] { 1, 2, 3, 0xff, 3 }, Initial("col_fixed"));
        Assert.Equal(new byte[] { 1, 2 }, Initial("col_binary"));
        Assert.Equal(PrimitiveType.Decimal(16, 2), s.Field("col_decimal").Type);
        Assert.Null(Initial("col1"));
    }

    [SkippableFact]
    public void ImpalaV3RowLineage()
    {
        var m = Load("apache__impala@b21595276c6c/testdata/data/iceberg_test/iceberg_v3/iceberg_v3_deletion_vectors/metadata/v3.metadata.json");
        Assert.Equal(3, m.FormatVersion);
        Assert.Equal(5, m.NextRowId);
        Assert.Equal([(0L, 5L), (5L, 0L)], m.Snapshots.Select(s => (s.FirstRowId!.Value, s.AddedRows!.Value)));
    }

    [SkippableFact]
    public void GzipMetadataOfSpark()
    {
        var m = Load("duckdb__duckdb-iceberg@68623ff99d41/data/persistent/iceberg/lineitem_iceberg_gz/metadata/v2.gz.metadata.json");
        Assert.Equal(1, m.FormatVersion);
        Assert.NotNull(m.CurrentSnapshot);
        Assert.Equal("l_orderkey", m.CurrentSchema.Fields[0].Name);
    }

    [SkippableFact]
    public void NameMappingOfJavaTable()
    {
        var m = Load("duckdb__duckdb-iceberg@68623ff99d41/data/persistent/name_mapping/warehouse_1/mydb/t1/metadata/v2.metadata.json");
        var mapping = m.NameMapping!;
        Assert.Equal(1, mapping.Find("col_a")!.FieldId);
        Assert.Equal(2, mapping.Find("B")!.FieldId);
        Assert.Null(mapping.Find("c"));
    }
}
