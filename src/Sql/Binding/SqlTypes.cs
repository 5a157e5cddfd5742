using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>Maps SQL type syntax to <see cref="SqlType"/>.</summary>
public static class SqlTypes
{
    public static SqlType FromSyntax(DataType type) => type switch
    {
        NamedType n => Named(n),
        DateTimeType { Kind: DateTimeTypeKind.Time } => SqlType.Time,
        DateTimeType { Kind: DateTimeTypeKind.Timestamp, WithTimeZone: false } => SqlType.Timestamp,
        DateTimeType => SqlType.TimestampWithTimeZone,
        Parsing.Ast.IntervalType i => i.From is IntervalField.Year or IntervalField.Month ? SqlType.IntervalYearToMonth : SqlType.IntervalDayToSecond,
        Parsing.Ast.ArrayType a => SqlType.Array(FromSyntax(a.ElementType)),
        Parsing.Ast.MapType m => SqlType.Map(FromSyntax(m.KeyType), FromSyntax(m.ValueType)),
        RowType r => SqlType.Row(r.Fields.AsSpan().ToArray().Select(f => new SqlRowField(f.Name?.Value, FromSyntax(f.Type))).ToArray()),
        _ => throw new SqlException(SqlErrorKind.Binder, $"unknown type {type}"),
    };

    private static SqlType Named(NamedType n)
    {
        var p = n.Parameters;
        return n.Name switch
        {
            "boolean" or "bool" => SqlType.Boolean,
            "tinyint" => SqlType.TinyInt,
            "smallint" => SqlType.SmallInt,
            "integer" or "int" => SqlType.Integer,
            "bigint" => SqlType.BigInt,
            "real" or "float" => SqlType.Real,
            "double" => SqlType.Double,
            "decimal" or "numeric" => p.Count switch
            {
                0 => SqlType.Decimal(38, 0),
                1 => SqlType.Decimal(p[0], 0),
                _ => SqlType.Decimal(p[0], p[1]),
            },
            "varchar" or "char" or "string" or "text" => SqlType.Varchar,
            "varbinary" or "blob" => SqlType.Varbinary,
            "date" => SqlType.Date,
            "uuid" => SqlType.Uuid,
            "json" => SqlType.Json,
            _ => throw new SqlException(SqlErrorKind.Binder, $"unknown type \"{n.Name}\""),
        };
    }
}
