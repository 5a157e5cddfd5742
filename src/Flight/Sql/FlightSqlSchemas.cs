using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Flight.Sql;

/// <summary>The fixed result schemas of the Flight SQL metadata commands, as FlightSql.proto defines them.</summary>
public static class FlightSqlSchemas
{
    public static Schema GetCatalogs { get; } = new([NotNull("catalog_name")]);

    public static Schema GetDbSchemas { get; } = new([Nullable("catalog_name"), NotNull("db_schema_name")]);

    public static Schema GetTables { get; } = new([Nullable("catalog_name"), Nullable("db_schema_name"), NotNull("table_name"), NotNull("table_type")]);

    public static Schema GetTablesWithSchema { get; } = new([.. GetTables.Fields, new Field("table_schema", ArrowType.Binary, false)]);

    public static Schema GetTableTypes { get; } = new([NotNull("table_type")]);

    public static Schema GetPrimaryKeys { get; } = new(
    [
        Nullable("catalog_name"), Nullable("db_schema_name"), NotNull("table_name"), NotNull("column_name"),
        Nullable("key_name"), new Field("key_sequence", ArrowType.Int32, false),
    ]);

    /// <summary>GetImportedKeys, GetExportedKeys and GetCrossReference share this schema.</summary>
    public static Schema GetForeignKeys { get; } = new(
    [
        Nullable("pk_catalog_name"), Nullable("pk_db_schema_name"), NotNull("pk_table_name"), NotNull("pk_column_name"),
        Nullable("fk_catalog_name"), Nullable("fk_db_schema_name"), NotNull("fk_table_name"), NotNull("fk_column_name"),
        new Field("key_sequence", ArrowType.Int32, false), Nullable("fk_key_name"), Nullable("pk_key_name"),
        new Field("update_rule", ArrowType.UInt8, false), new Field("delete_rule", ArrowType.UInt8, false),
    ]);

    /// <summary>The value union of GetSqlInfo: type codes 0..5 in this order.</summary>
    public static UnionType SqlInfoValue { get; } = new(
    [
        new Field("string_value", ArrowType.Utf8),
        new Field("bool_value", ArrowType.Boolean),
        new Field("bigint_value", ArrowType.Int64),
        new Field("int32_bitmask", ArrowType.Int32),
        new Field("string_list", new ListType(ArrowType.Utf8)),
        new Field("int32_to_int32_list_map", new MapType(ArrowType.Int32, new ListType(ArrowType.Int32))),
    ], [0, 1, 2, 3, 4, 5], UnionMode.Dense);

    public static Schema GetSqlInfo { get; } = new([new Field("info_name", ArrowType.UInt32, false), new Field("value", SqlInfoValue, false)]);

    public static Schema GetXdbcTypeInfo { get; } = new(
    [
        NotNull("type_name"),
        new Field("data_type", ArrowType.Int32, false),
        new Field("column_size", ArrowType.Int32),
        Nullable("literal_prefix"),
        Nullable("literal_suffix"),
        new Field("create_params", new ListType(new Field("item", ArrowType.Utf8, false))),
        new Field("nullable", ArrowType.Int32, false),
        new Field("case_sensitive", ArrowType.Boolean, false),
        new Field("searchable", ArrowType.Int32, false),
        new Field("unsigned_attribute", ArrowType.Boolean),
        new Field("fixed_prec_scale", ArrowType.Boolean, false),
        new Field("auto_increment", ArrowType.Boolean),
        Nullable("local_type_name"),
        new Field("minimum_scale", ArrowType.Int32),
        new Field("maximum_scale", ArrowType.Int32),
        new Field("sql_data_type", ArrowType.Int32, false),
        new Field("datetime_subcode", ArrowType.Int32),
        new Field("num_prec_radix", ArrowType.Int32),
        new Field("interval_precision", ArrowType.Int32),
    ]);

    /// <summary>The result schema of an update (no columns).</summary>
    public static Schema Empty { get; } = new([]);

    private static Field NotNull(string name) => new(name, ArrowType.Utf8, false);

    private static Field Nullable(string name) => new(name, ArrowType.Utf8);
}
