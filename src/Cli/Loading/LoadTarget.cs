using Lakehouse.Arrow.Builders;
using Lakehouse.Table;
using Lakehouse.Table.Types;
using ArrowSchema = Lakehouse.Arrow.Schema;

namespace Lakehouse.Cli.Loading;

/// <summary>
/// The table a <c>lakehouse load</c> appends to: its current schema, the Arrow schema batches must have, and the
/// mapping from input column names to table columns (exact name first, then case-insensitive).
/// </summary>
public sealed class LoadTarget
{
    /// <summary>Rows per batch built from text inputs.</summary>
    public const int BatchRows = 8192;

    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ignoreCase = new(StringComparer.OrdinalIgnoreCase);

    public LoadTarget(Schema schema)
    {
        Schema = schema;
        ArrowSchema = ArrowSchemaConverter.ToArrow(schema);
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            _exact[schema.Fields[i].Name] = i;
            _ignoreCase.TryAdd(schema.Fields[i].Name, i);
        }
    }

    public Schema Schema { get; }

    public ArrowSchema ArrowSchema { get; }

    public IReadOnlyList<NestedField> Fields => Schema.Fields;

    public RecordBatchBuilder NewBuilder() => new(ArrowSchema);

    /// <summary>The table column of an input column, or -1.</summary>
    public int ColumnOf(string name) => _exact.TryGetValue(name, out var i) ? i : _ignoreCase.TryGetValue(name, out i) ? i : -1;

    /// <summary>Maps input column names to table columns; throws naming the file for unknown or repeated names.</summary>
    public int[] MapColumns(IReadOnlyList<string> names, string file)
    {
        var result = new int[names.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < names.Count; i++)
        {
            var column = ColumnOf(names[i]);
            if (column < 0)
            {
                throw Fail(file, null, names[i], $"is not a column of the table (columns: {string.Join(", ", Fields.Select(f => f.Name))})");
            }

            if (!seen.Add(column))
            {
                throw Fail(file, null, names[i], "appears twice");
            }

            result[i] = column;
        }

        return result;
    }

    /// <summary>Throws when a required table column has no input column.</summary>
    public void RequireColumns(IEnumerable<int> present, string file)
    {
        var set = new HashSet<int>(present);
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].IsRequired && !set.Contains(i))
            {
                throw Fail(file, null, Fields[i].Name, "is required by the table but missing from the file");
            }
        }
    }

    /// <summary>The one-line load error: <c>FILE:ROW: column 'c': problem</c>.</summary>
    public static IcebergException Fail(string file, long? row, string? column, string problem, Exception? inner = null)
    {
        var where = row is { } r ? $"{file}:{r}" : file;
        var what = column is null ? problem : $"column '{column}' {problem}";
        return IcebergException.Invalid($"load {where}: {what}", inner);
    }
}
