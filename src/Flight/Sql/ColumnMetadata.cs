using System.Globalization;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Flight.Sql;

/// <summary>
/// The ARROW:FLIGHT:SQL:* field metadata that JDBC/ODBC read for column descriptions: catalog, schema and
/// table names, SQL type name, precision and scale, and the IS_* flags ("1"/"0"). IS_NULLABLE mirrors the
/// field's nullability for clients that look for it. Keys the backend already set are kept.
/// </summary>
public static class ColumnMetadata
{
    public const string Prefix = "ARROW:FLIGHT:SQL:";

    public static Schema Annotate(FlightSqlTableInfo table) => Annotate(table.Schema, table.Catalog, table.DbSchema, table.Name);

    public static Schema Annotate(Schema schema, string? catalog, string? dbSchema, string? table)
    {
        var fields = new Field[schema.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = schema[i];
            var metadata = new List<KeyValuePair<string, string>>(field.Metadata);
            void Add(string key, string? value)
            {
                if (value is not null && field.GetMetadata(Prefix + key) is null)
                {
                    metadata.Add(new(Prefix + key, value));
                }
            }

            Add("CATALOG_NAME", catalog);
            Add("SCHEMA_NAME", dbSchema);
            Add("TABLE_NAME", table);
            Add("TYPE_NAME", SqlTypeName(field.Type));
            var (precision, scale) = PrecisionScale(field.Type);
            Add("PRECISION", precision?.ToString(CultureInfo.InvariantCulture));
            Add("SCALE", scale?.ToString(CultureInfo.InvariantCulture));
            Add("IS_AUTO_INCREMENT", "0");
            Add("IS_CASE_SENSITIVE", field.Type.IsString ? "1" : "0");
            Add("IS_READ_ONLY", "0");
            Add("IS_SEARCHABLE", "1");
            Add("IS_NULLABLE", field.IsNullable ? "1" : "0");
            fields[i] = field.WithMetadata(metadata);
        }

        return new Schema(fields, schema.Metadata);
    }

    /// <summary>The engine's (Trino dialect) name of an Arrow type.</summary>
    public static string SqlTypeName(ArrowType type) => type switch
    {
        { Id: ArrowTypeId.Boolean } => "BOOLEAN",
        { Id: ArrowTypeId.Int8 } => "TINYINT",
        { Id: ArrowTypeId.Int16 } => "SMALLINT",
        { Id: ArrowTypeId.Int32 } => "INTEGER",
        { Id: ArrowTypeId.Int64 } => "BIGINT",
        { Id: ArrowTypeId.UInt8 or ArrowTypeId.UInt16 or ArrowTypeId.UInt32 or ArrowTypeId.UInt64 } => "BIGINT",
        { Id: ArrowTypeId.Float16 or ArrowTypeId.Float32 } => "REAL",
        { Id: ArrowTypeId.Float64 } => "DOUBLE",
        DecimalType d => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({d.Precision},{d.Scale})"),
        { IsString: true } => "VARCHAR",
        { IsBinaryLike: true } or FixedSizeBinaryType => "VARBINARY",
        { Id: ArrowTypeId.Date32 or ArrowTypeId.Date64 } => "DATE",
        TimestampType t => t.Timezone is null ? "TIMESTAMP(6)" : "TIMESTAMP(6) WITH TIME ZONE",
        TimeType => "TIME(6)",
        ListType => "ARRAY",
        MapType => "MAP",
        StructType => "ROW",
        { Id: ArrowTypeId.Null } => "UNKNOWN",
        _ => type.ToString().ToUpperInvariant(),
    };

    private static (int? Precision, int? Scale) PrecisionScale(ArrowType type) => type switch
    {
        { Id: ArrowTypeId.Int8 } => (3, 0),
        { Id: ArrowTypeId.Int16 } => (5, 0),
        { Id: ArrowTypeId.Int32 } => (10, 0),
        { Id: ArrowTypeId.Int64 } => (19, 0),
        { Id: ArrowTypeId.Float32 } => (24, null),
        { Id: ArrowTypeId.Float64 } => (53, null),
        DecimalType d => (d.Precision, d.Scale),
        TimestampType => (26, 6),
        { Id: ArrowTypeId.Date32 or ArrowTypeId.Date64 } => (10, 0),
        _ => (null, null),
    };
}
