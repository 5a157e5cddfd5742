using System.Globalization;
using System.Text.RegularExpressions;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Table;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using IcebergSchema = Lakehouse.Table.Types.Schema;
using NullOrder = Lakehouse.Table.Metadata.NullOrder;
using SortOrder = Lakehouse.Table.Metadata.SortOrder;

namespace Lakehouse.Sql;

/// <summary>
/// The table properties of CREATE TABLE … WITH (…), as Trino's Iceberg connector names them:
/// <c>partitioning = ARRAY['day(ts)', 'bucket(16, id)', 'truncate(s, 4)', 'year(d)', 'month(d)', 'hour(ts)',
/// 'platform']</c>, <c>sorted_by = ARRAY['x', 'y DESC NULLS FIRST']</c>, <c>format_version = 1|2</c>,
/// <c>location = '…'</c>, <c>format = 'PARQUET'</c>. Anything else is an error naming the property.
/// </summary>
public sealed partial record IcebergTableProperties(PartitionSpec? Spec, SortOrder? SortOrder, string? Location, IReadOnlyDictionary<string, string> Properties)
{
    public static IcebergTableProperties Parse(SyntaxList<Property> properties, IcebergSchema schema)
    {
        PartitionSpec? spec = null;
        SortOrder? sortOrder = null;
        string? location = null;
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            var name = p.Name.Value.ToLowerInvariant();
            switch (name)
            {
                case "partitioning":
                    spec = PartitionSpecOf(Strings(p), schema);
                    break;
                case "sorted_by":
                    sortOrder = SortOrderOf(Strings(p), schema);
                    break;
                case "format_version":
                    table[TableProperties.FormatVersion] = p.Value is IntegerLiteral { Value: 1 or 2 } v
                        ? v.Value.ToString(CultureInfo.InvariantCulture)
                        : throw new SqlException(SqlErrorKind.Binder, "table property format_version must be 1 or 2");
                    break;
                case "location":
                    location = p.Value is StringLiteral l ? l.Value : throw new SqlException(SqlErrorKind.Binder, "table property location must be a string");
                    break;
                case "format":
                    if (p.Value is not StringLiteral { Value: var f } || !string.Equals(f, "parquet", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new SqlException(SqlErrorKind.NotImplemented, "table property format: only 'PARQUET' data files are written");
                    }

                    break;
                default:
                    throw new SqlException(SqlErrorKind.Binder, $"table property \"{p.Name.Value}\" does not exist (partitioning, sorted_by, format_version, location, format)");
            }
        }

        return new IcebergTableProperties(spec, sortOrder, location, table);
    }

    private static List<string> Strings(Property p)
    {
        if (p.Value is not ArrayConstructor array)
        {
            throw new SqlException(SqlErrorKind.Binder, $"table property {p.Name.Value} must be an ARRAY of strings, e.g. ARRAY['day(ts)']");
        }

        return array.Elements.AsSpan().ToArray().Select(e => e is StringLiteral s ? s.Value : throw new SqlException(SqlErrorKind.Binder, $"table property {p.Name.Value} must be an ARRAY of strings")).ToList();
    }

    private static PartitionSpec PartitionSpecOf(List<string> fields, IcebergSchema schema)
    {
        var result = new List<PartitionField>();
        foreach (var text in fields)
        {
            var m = PartitionPattern().Match(text);
            if (!m.Success)
            {
                throw new SqlException(SqlErrorKind.Binder, $"invalid partitioning field '{text}' (column, year(c), month(c), day(c), hour(c), bucket(n, c), truncate(c, w) or void(c))");
            }

            var (transform, column) = m.Groups["fn"].Success
                ? TransformOf(m.Groups["fn"].Value.ToLowerInvariant(), m.Groups["args"].Value, text)
                : (Transform.Identity, m.Groups["col"].Value);
            var source = Column(schema, column, text);
            var partitionName = Table.Operations.UpdatePartitionSpec.DefaultName(schema.FindColumnName(source.Id)!, transform);
            if (result.Any(f => f.Name == partitionName))
            {
                throw new SqlException(SqlErrorKind.Binder, $"partitioning field '{text}' is given twice");
            }

            result.Add(new PartitionField(source.Id, PartitionSpec.FirstPartitionFieldId + result.Count, partitionName, transform));
        }

        return new PartitionSpec(0, result);
    }

    private static (Transform Transform, string Column) TransformOf(string function, string args, string text)
    {
        var parts = args.Split(',', StringSplitOptions.TrimEntries);
        int Number(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new SqlException(SqlErrorKind.Binder, $"invalid partitioning field '{text}': '{s}' is not a positive integer");
        return (function, parts.Length) switch
        {
            ("year" or "month" or "day" or "hour" or "void", 1) => (Transform.Parse(function), parts[0]),
            ("bucket", 2) => (Transform.Bucket(Number(parts[0])), parts[1]),
            ("truncate", 2) => (Transform.Truncate(Number(parts[1])), parts[0]),
            _ => throw new SqlException(SqlErrorKind.Binder, $"invalid partitioning field '{text}' (column, year(c), month(c), day(c), hour(c), bucket(n, c), truncate(c, w) or void(c))"),
        };
    }

    private static SortOrder SortOrderOf(List<string> fields, IcebergSchema schema)
    {
        var result = new List<SortField>();
        foreach (var text in fields)
        {
            var m = SortPattern().Match(text);
            if (!m.Success)
            {
                throw new SqlException(SqlErrorKind.Binder, $"invalid sorted_by field '{text}' (column [ASC|DESC] [NULLS FIRST|LAST])");
            }

            var descending = m.Groups["dir"].Success && m.Groups["dir"].Value.Equals("desc", StringComparison.OrdinalIgnoreCase);
            var nulls = m.Groups["nulls"].Success
                ? m.Groups["nulls"].Value.Equals("first", StringComparison.OrdinalIgnoreCase) ? NullOrder.NullsFirst : NullOrder.NullsLast
                : descending ? NullOrder.NullsLast : NullOrder.NullsFirst;
            var source = Column(schema, m.Groups["col"].Value, text);
            result.Add(new SortField(source.Id, Transform.Identity, descending ? SortDirection.Desc : SortDirection.Asc, nulls));
        }

        return new SortOrder(1, result);
    }

    private static Table.Types.NestedField Column(IcebergSchema schema, string name, string text)
    {
        var unquoted = name.Length > 1 && name[0] == '"' && name[^1] == '"' ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;
        return schema.FindField(unquoted, caseSensitive: false)
            ?? throw new SqlException(SqlErrorKind.Binder, $"'{text}' names column \"{unquoted}\", which is not in the table");
    }

    [GeneratedRegex("""^\s*(?:(?<fn>[A-Za-z]+)\s*\(\s*(?<args>[^()]*)\)|(?<col>"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_]*))\s*$""")]
    private static partial Regex PartitionPattern();

    [GeneratedRegex("""^\s*(?<col>"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_]*)(?:\s+(?<dir>ASC|DESC))?(?:\s+NULLS\s+(?<nulls>FIRST|LAST))?\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex SortPattern();
}
