using System.Globalization;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Table.Transforms;
using IcebergNullOrder = Lakehouse.Table.Metadata.NullOrder;

namespace Lakehouse.Sql.Ddl;

/// <summary>
/// The table properties of Trino's Iceberg connector (<c>WITH (partitioning = ARRAY['day(ts)'], sorted_by = ARRAY['x DESC'],
/// format_version = 2, location = '…', …)</c>) parsed into Iceberg terms: partition fields, sort fields and the
/// Iceberg table properties they map to.
/// </summary>
internal sealed class IcebergTableProperties
{
    public List<(string Column, Transform Transform)>? Partitioning { get; private set; }

    public List<(string Column, bool Descending, IcebergNullOrder NullOrder)>? SortedBy { get; private set; }

    public int? FormatVersion { get; private set; }

    public string? Location { get; private set; }

    /// <summary>Iceberg table properties to set (Trino property names mapped to Iceberg's keys).</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public static IcebergTableProperties Parse(SyntaxList<Property> properties)
    {
        var result = new IcebergTableProperties();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            var name = p.Name.Value.ToLowerInvariant();
            if (!seen.Add(name))
            {
                throw Error($"table property \"{name}\" is given twice");
            }

            switch (name)
            {
                case "partitioning":
                    result.Partitioning = [.. StringArray(p).Select(ParsePartitionField)];
                    break;
                case "sorted_by":
                    result.SortedBy = [.. StringArray(p).Select(ParseSortField)];
                    break;
                case "format_version":
                    {
                        var v = Integer(p);
                        if (v is < 1 or > 3)
                        {
                            throw Error($"format_version must be 1, 2 or 3, not {v}");
                        }

                        result.FormatVersion = (int)v;
                        break;
                    }

                case "location":
                    result.Location = Text(p);
                    break;
                case "format":
                    if (!string.Equals(Text(p), "PARQUET", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new SqlException(SqlErrorKind.NotImplemented, $"not supported: table format \"{Text(p)}\" (only PARQUET)");
                    }

                    result.Properties["write.format.default"] = "parquet";
                    break;
                case "data_location":
                    result.Properties["write.data.path"] = Text(p);
                    break;
                case "object_store_layout_enabled":
                    result.Properties["write.object-storage.enabled"] = Boolean(p) ? "true" : "false";
                    break;
                case "max_commit_retry":
                    result.Properties["commit.retry.num-retries"] = Integer(p).ToString(CultureInfo.InvariantCulture);
                    break;
                case "parquet_bloom_filter_columns":
                    foreach (var column in StringArray(p))
                    {
                        result.Properties["write.parquet.bloom-filter-enabled.column." + column] = "true";
                    }

                    break;
                case "compression_codec":
                    result.Properties["write.parquet.compression-codec"] = Text(p).ToLowerInvariant();
                    break;
                default:
                    throw Error($"table property \"{name}\" does not exist (known: partitioning, sorted_by, format_version, location, format, data_location, object_store_layout_enabled, max_commit_retry, parquet_bloom_filter_columns, compression_codec)");
            }
        }

        return result;
    }

    /// <summary>Parses a Trino partitioning term: <c>col</c>, <c>year(col)</c>, <c>month(col)</c>, <c>day(col)</c>,
    /// <c>hour(col)</c>, <c>bucket(col, n)</c>, <c>truncate(col, n)</c>, <c>void(col)</c> (Spark's argument order
    /// <c>bucket(n, col)</c> is accepted too); double-quoted names keep their case.</summary>
    public static (string Column, Transform Transform) ParsePartitionField(string text)
    {
        var s = text.Trim();
        var open = s.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || s.StartsWith('"'))
        {
            return (ColumnName(s, text), Transform.Identity);
        }

        if (!s.EndsWith(')'))
        {
            throw Error($"invalid partitioning term \"{text}\"");
        }

        var function = s[..open].Trim().ToLowerInvariant();
        var args = s[(open + 1)..^1].Split(',');
        switch (function)
        {
            case "year" or "years" or "month" or "months" or "day" or "days" or "hour" or "hours" or "void" or "identity" when args.Length == 1:
                var transform = function switch
                {
                    "year" or "years" => Transform.Year,
                    "month" or "months" => Transform.Month,
                    "day" or "days" => Transform.Day,
                    "hour" or "hours" => (Transform)Transform.Hour,
                    "void" => Transform.Void,
                    _ => Transform.Identity,
                };
                return (ColumnName(args[0], text), transform);
            case "bucket" or "truncate" when args.Length == 2:
                {
                    string column;
                    int n;
                    if (int.TryParse(args[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
                    {
                        column = ColumnName(args[0], text);
                    }
                    else if (int.TryParse(args[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
                    {
                        column = ColumnName(args[1], text);
                    }
                    else
                    {
                        throw Error($"invalid partitioning term \"{text}\": {function} needs an integer argument");
                    }

                    if (n <= 0)
                    {
                        throw Error($"invalid partitioning term \"{text}\": the {(function == "bucket" ? "bucket count" : "width")} must be positive");
                    }

                    return (column, function == "bucket" ? Transform.Bucket(n) : Transform.Truncate(n));
                }

            default:
                throw Error($"invalid partitioning term \"{text}\" (expected col, year(col), month(col), day(col), hour(col), bucket(col, n), truncate(col, n) or void(col))");
        }
    }

    /// <summary>Parses a Trino sort term: <c>col [ASC|DESC] [NULLS FIRST|LAST]</c> (nulls first for ascending, last for descending by default).</summary>
    public static (string Column, bool Descending, IcebergNullOrder NullOrder) ParseSortField(string text)
    {
        var parts = text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw Error($"invalid sort term \"{text}\"");
        }

        var column = ColumnName(parts[0], text);
        var descending = false;
        var i = 1;
        if (i < parts.Length && parts[i].Equals("ASC", StringComparison.OrdinalIgnoreCase))
        {
            i++;
        }
        else if (i < parts.Length && parts[i].Equals("DESC", StringComparison.OrdinalIgnoreCase))
        {
            descending = true;
            i++;
        }

        var nulls = descending ? IcebergNullOrder.NullsLast : IcebergNullOrder.NullsFirst;
        if (i + 1 < parts.Length && parts[i].Equals("NULLS", StringComparison.OrdinalIgnoreCase))
        {
            nulls = parts[i + 1].ToUpperInvariant() switch
            {
                "FIRST" => IcebergNullOrder.NullsFirst,
                "LAST" => IcebergNullOrder.NullsLast,
                _ => throw Error($"invalid sort term \"{text}\""),
            };
            i += 2;
        }

        return i == parts.Length ? (column, descending, nulls) : throw Error($"invalid sort term \"{text}\" (expected col [ASC|DESC] [NULLS FIRST|LAST])");
    }

    private static string ColumnName(string raw, string term)
    {
        var s = raw.Trim();
        if (s.Length >= 2 && s[0] == '"' && s[^1] == '"')
        {
            return s[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        return s.Length == 0 || s.Contains('"', StringComparison.Ordinal) || s.Contains(' ', StringComparison.Ordinal)
            ? throw Error($"invalid column name in \"{term}\"")
            : s.ToLowerInvariant();
    }

    private static IEnumerable<string> StringArray(Property p)
    {
        if (p.Value is not ArrayConstructor array)
        {
            throw Error($"table property \"{p.Name.Value}\" must be an ARRAY of varchar");
        }

        var list = new List<string>();
        foreach (var e in array.Elements)
        {
            list.Add(e is StringLiteral s ? s.Value : throw Error($"table property \"{p.Name.Value}\" must be an ARRAY of varchar literals"));
        }

        return list;
    }

    private static string Text(Property p) =>
        p.Value is StringLiteral s ? s.Value : throw Error($"table property \"{p.Name.Value}\" must be a varchar literal");

    private static long Integer(Property p) =>
        p.Value is IntegerLiteral i ? i.Value : throw Error($"table property \"{p.Name.Value}\" must be an integer literal");

    private static bool Boolean(Property p) =>
        p.Value is BooleanLiteral b ? b.Value : throw Error($"table property \"{p.Name.Value}\" must be a boolean literal");

    private static SqlException Error(string message) => new(SqlErrorKind.Binder, message);
}
