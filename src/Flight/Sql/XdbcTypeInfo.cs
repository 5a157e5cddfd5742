using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Flight.Protocol.Sql;

namespace Lakehouse.Flight.Sql;

/// <summary>The GetXdbcTypeInfo rows: the SQL types of our dialect with their XDBC codes.</summary>
public static class XdbcTypeInfo
{
    private static readonly (string Name, XdbcDataType Type, int? Size, string? Prefix, string? Suffix, string[]? CreateParams, bool CaseSensitive, bool? Unsigned, int? MinScale, int? MaxScale, int? Subcode, int? Radix)[] s_types =
    [
        ("BOOLEAN", XdbcDataType.XdbcBit, 1, null, null, null, false, null, null, null, null, null),
        ("TINYINT", XdbcDataType.XdbcTinyint, 3, null, null, null, false, false, 0, 0, null, 10),
        ("SMALLINT", XdbcDataType.XdbcSmallint, 5, null, null, null, false, false, 0, 0, null, 10),
        ("INTEGER", XdbcDataType.XdbcInteger, 10, null, null, null, false, false, 0, 0, null, 10),
        ("BIGINT", XdbcDataType.XdbcBigint, 19, null, null, null, false, false, 0, 0, null, 10),
        ("REAL", XdbcDataType.XdbcReal, 24, null, null, null, false, false, null, null, null, 2),
        ("DOUBLE", XdbcDataType.XdbcDouble, 53, null, null, null, false, false, null, null, null, 2),
        ("DECIMAL", XdbcDataType.XdbcDecimal, 38, null, null, ["precision", "scale"], false, false, 0, 38, null, 10),
        ("VARCHAR", XdbcDataType.XdbcVarchar, int.MaxValue, "'", "'", ["length"], true, null, null, null, null, null),
        ("VARBINARY", XdbcDataType.XdbcVarbinary, int.MaxValue, "X'", "'", null, false, null, null, null, null, null),
        ("DATE", XdbcDataType.XdbcDate, 10, "DATE '", "'", null, false, null, null, null, (int)XdbcDatetimeSubcode.XdbcSubcodeDate, null),
        ("TIME(6)", XdbcDataType.XdbcTime, 15, "TIME '", "'", null, false, null, 6, 6, (int)XdbcDatetimeSubcode.XdbcSubcodeTime, null),
        ("TIMESTAMP(6)", XdbcDataType.XdbcTimestamp, 26, "TIMESTAMP '", "'", null, false, null, 6, 6, (int)XdbcDatetimeSubcode.XdbcSubcodeTimestamp, null),
    ];

    /// <summary>All types, or those whose data_type equals <paramref name="dataType"/>.</summary>
    public static RecordBatch Build(int? dataType)
    {
        var builder = new RecordBatchBuilder(FlightSqlSchemas.GetXdbcTypeInfo);
        foreach (var t in s_types)
        {
            if (dataType is { } wanted && wanted != (int)t.Type)
            {
                continue;
            }

            var sqlDataType = t.Subcode is null ? (int)t.Type : 9; // SQL_DATETIME for date/time types
            builder.AppendRow(
                t.Name, (int)t.Type, t.Size, t.Prefix, t.Suffix, t.CreateParams, (int)Protocol.Sql.Nullable.NullabilityNullable, t.CaseSensitive,
                (int)Searchable.Full, t.Unsigned, t.Name == "DECIMAL", false, t.Name, t.MinScale, t.MaxScale, sqlDataType, t.Subcode, t.Radix, null);
        }

        return builder.Build();
    }
}
