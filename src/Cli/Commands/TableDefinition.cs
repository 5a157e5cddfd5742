using System.Globalization;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// The text forms <c>lakehouse table create</c> takes (spec/cli.md):
/// <list type="bullet">
/// <item>schema: <c>name type [not null], …</c> with Iceberg type names (<c>long</c>, <c>decimal(10,2)</c>,
/// <c>timestamptz</c>, <c>list&lt;string&gt;</c>, <c>map&lt;string,long&gt;</c>, <c>struct&lt;a: int, b: string&gt;</c>) and SQL
/// aliases (<c>bigint</c>, <c>integer</c>, <c>varchar</c>, <c>text</c>, <c>bool</c>, <c>real</c>, <c>bytes</c>);</item>
/// <item>partitioning: <c>col</c>, <c>year(col)</c>, <c>month(col)</c>, <c>day(col)</c>, <c>hour(col)</c>,
/// <c>bucket(N, col)</c>, <c>truncate(W, col)</c>, comma-separated;</item>
/// <item>sort order: <c>col|transform(col) [asc|desc] [nulls first|nulls last]</c>, comma-separated.</item>
/// </list>
/// </summary>
public static class TableDefinition
{
    public static Schema ParseSchema(string text)
    {
        var nextId = 1;
        var fields = ParseFields(text, ref nextId, ',', "schema");
        if (fields.Count == 0)
        {
            throw new CliUsageException("--schema: no columns");
        }

        return new Schema(fields);
    }

    public static PartitionSpec ParsePartitionSpec(string? text, Schema schema)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PartitionSpec.Unpartitioned;
        }

        var fields = new List<PartitionField>();
        var fieldId = PartitionSpec.FirstPartitionFieldId;
        foreach (var item in SplitTopLevel(text, ','))
        {
            var (transform, column) = ParseTransformTerm(item, "--partition-by");
            var source = Column(schema, column, "--partition-by");
            if (source.Type is not PrimitiveType p || !transform.CanTransform(p))
            {
                throw new CliUsageException($"--partition-by: {transform} cannot partition column '{column}' of type {source.Type}");
            }

            var name = transform switch
            {
                IdentityTransform => column,
                BucketTransform => column + "_bucket",
                TruncateTransform => column + "_trunc",
                VoidTransform => column + "_null",
                _ => column + "_" + transform.ToString(),
            };
            fields.Add(new PartitionField(source.Id, fieldId++, name, transform));
        }

        return new PartitionSpec(0, fields);
    }

    public static SortOrder ParseSortOrder(string? text, Schema schema)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SortOrder.Unsorted;
        }

        var fields = new List<SortField>();
        foreach (var item in SplitTopLevel(text, ','))
        {
            var words = item.Trim();
            var direction = SortDirection.Asc;
            NullOrder? nulls = null;
            while (true)
            {
                if (TrimSuffix(ref words, "nulls first"))
                {
                    nulls = NullOrder.NullsFirst;
                }
                else if (TrimSuffix(ref words, "nulls last"))
                {
                    nulls = NullOrder.NullsLast;
                }
                else if (TrimSuffix(ref words, "desc"))
                {
                    direction = SortDirection.Desc;
                }
                else if (TrimSuffix(ref words, "asc"))
                {
                    direction = SortDirection.Asc;
                }
                else
                {
                    break;
                }
            }

            var (transform, column) = ParseTransformTerm(words, "--sort-by");
            var source = Column(schema, column, "--sort-by");
            fields.Add(new SortField(source.Id, transform, direction, nulls ?? (direction == SortDirection.Asc ? NullOrder.NullsFirst : NullOrder.NullsLast)));
        }

        return new SortOrder(1, fields);
    }

    /// <summary>Parses <c>key=value</c> table properties.</summary>
    public static Dictionary<string, string> ParseProperties(IEnumerable<string>? items)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUsageException($"--property: expected key=value, got '{item}'");
            }

            result[item[..eq].Trim()] = item[(eq + 1)..].Trim();
        }

        return result;
    }

    private static List<NestedField> ParseFields(string text, ref int nextId, char separator, string where)
    {
        var fields = new List<NestedField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in SplitTopLevel(text, separator))
        {
            var def = item.Trim();
            if (def.Length == 0)
            {
                continue;
            }

            // struct fields are written "name: type", columns "name type".
            var split = def.IndexOfAny([' ', ':', '\t']);
            if (split <= 0)
            {
                throw new CliUsageException($"{where}: '{def}' needs a name and a type (e.g. 'id long not null')");
            }

            var name = def[..split].Trim('`', '"');
            var rest = def[(split + 1)..].TrimStart(' ', ':', '\t').Trim();
            var required = false;
            if (rest.EndsWith(" not null", StringComparison.OrdinalIgnoreCase))
            {
                required = true;
                rest = rest[..^" not null".Length].TrimEnd();
            }
            else if (rest.EndsWith(" null", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[..^" null".Length].TrimEnd();
            }

            if (!names.Add(name))
            {
                throw new CliUsageException($"{where}: column '{name}' is defined twice");
            }

            var id = nextId++;
            fields.Add(new NestedField(id, name, ParseType(rest, ref nextId, name), required));
        }

        return fields;
    }

    private static IcebergType ParseType(string text, ref int nextId, string column)
    {
        var t = text.Trim();
        var lower = t.ToLowerInvariant();
        if (lower.StartsWith("struct<", StringComparison.Ordinal) && lower.EndsWith('>'))
        {
            return new StructType(ParseFields(t[7..^1], ref nextId, ',', $"column '{column}'"));
        }

        if (lower.StartsWith("list<", StringComparison.Ordinal) && lower.EndsWith('>'))
        {
            var elementId = nextId++;
            return new ListType(elementId, ParseType(t[5..^1], ref nextId, column), elementRequired: false);
        }

        if (lower.StartsWith("array<", StringComparison.Ordinal) && lower.EndsWith('>'))
        {
            var elementId = nextId++;
            return new ListType(elementId, ParseType(t[6..^1], ref nextId, column), elementRequired: false);
        }

        if (lower.StartsWith("map<", StringComparison.Ordinal) && lower.EndsWith('>'))
        {
            var parts = SplitTopLevel(t[4..^1], ',');
            if (parts.Count != 2)
            {
                throw new CliUsageException($"column '{column}': map<KEY, VALUE> needs two types, got '{t}'");
            }

            var keyId = nextId++;
            var valueId = nextId++;
            return new MapType(keyId, ParseType(parts[0], ref nextId, column), valueId, ParseType(parts[1], ref nextId, column), valueRequired: false);
        }

        var alias = lower switch
        {
            "bigint" or "int64" => "long",
            "integer" or "int32" or "smallint" or "tinyint" => "int",
            "varchar" or "text" or "utf8" => "string",
            "bool" => "boolean",
            "real" or "float32" => "float",
            "float64" or "double precision" => "double",
            "bytes" or "varbinary" or "blob" => "binary",
            "timestamp with time zone" => "timestamptz",
            _ => lower.StartsWith("varchar(", StringComparison.Ordinal) ? "string" : lower.Replace("numeric(", "decimal(", StringComparison.Ordinal),
        };
        try
        {
            return PrimitiveType.Parse(alias);
        }
        catch (Lakehouse.Table.IcebergException e)
        {
            throw new CliUsageException($"column '{column}': unknown type '{t}' ({e.Message})");
        }
    }

    private static (Transform Transform, string Column) ParseTransformTerm(string term, string option)
    {
        var s = term.Trim();
        var open = s.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (Transform.Identity, s.Trim('`', '"'));
        }

        if (!s.EndsWith(')'))
        {
            throw new CliUsageException($"{option}: cannot read '{term}' (expected e.g. day(ts) or bucket(16, id))");
        }

        var name = s[..open].Trim().ToLowerInvariant();
        var args = SplitTopLevel(s[(open + 1)..^1], ',').Select(a => a.Trim()).ToList();
        int Width() => int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new CliUsageException($"{option}: {name} needs a positive number first, got '{args[0]}'");
        return (name, args.Count) switch
        {
            ("identity" or "year" or "month" or "day" or "hour" or "void", 1) => (Transform.Parse(name), args[0]),
            ("years", 1) => (Transform.Parse("year"), args[0]),
            ("months", 1) => (Transform.Parse("month"), args[0]),
            ("days", 1) => (Transform.Parse("day"), args[0]),
            ("hours", 1) => (Transform.Parse("hour"), args[0]),
            ("bucket", 2) => (Transform.Bucket(Width()), args[1]),
            ("truncate", 2) => (Transform.Truncate(Width()), args[1]),
            _ => throw new CliUsageException($"{option}: unknown transform '{term}' (known: col, year(col), month(col), day(col), hour(col), bucket(N, col), truncate(W, col))"),
        };
    }

    private static NestedField Column(Schema schema, string name, string option) =>
        schema.FindField(name) ?? throw new CliUsageException($"{option}: no column '{name}' in the schema");

    private static bool TrimSuffix(ref string text, string suffix)
    {
        if (text.EndsWith(" " + suffix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^(suffix.Length + 1)].TrimEnd();
            return true;
        }

        return false;
    }

    /// <summary>Splits on <paramref name="separator"/> outside of &lt;&gt; and () nesting.</summary>
    private static List<string> SplitTopLevel(string text, char separator)
    {
        var result = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '<' or '(')
            {
                depth++;
            }
            else if (c is '>' or ')')
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                result.Add(text[start..i]);
                start = i + 1;
            }
        }

        result.Add(text[start..]);
        return result.Where(s => s.Trim().Length > 0).ToList();
    }
}
