using Lakehouse.Table.Expressions;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using Xunit;
using E = Lakehouse.Table.Expressions.Expressions;

namespace Lakehouse.Table.Tests.Expressions;

/// <summary>On random files with exact metrics: whenever some row matches a filter, the file "might match".</summary>
public sealed class MetricsPropertyTests
{
    private static readonly Schema Schema = new(0,
    [
        NestedField.Optional(1, "l", PrimitiveType.Long),
        NestedField.Optional(2, "s", PrimitiveType.String),
        NestedField.Optional(3, "d", PrimitiveType.Double),
    ]);

    [Fact]
    public void MetricsEvaluatorNeverPrunesAMatchingFile()
    {
        var random = new Random(99);
        var files = Enumerable.Range(0, 60).Select(_ => RandomFile(random)).ToList();
        for (var n = 0; n < 500; n++)
        {
            var filter = RandomFilter(random);
            var rows = new Evaluator(Schema.Struct, filter);
            var metrics = new InclusiveMetricsEvaluator(Schema, filter);
            foreach (var (fileRows, fileMetrics) in files)
            {
                if (fileRows.Any(rows.Eval))
                {
                    Assert.True(metrics.MightMatch(fileMetrics), $"{filter} pruned a file with a matching row: {string.Join(" | ", fileRows.Select(x => string.Join(",", x)))}");
                }
            }
        }
    }

    [Fact]
    public void StrictEvaluatorOnlyClaimsFilesWhoseRowsAllMatch()
    {
        var random = new Random(314);
        var files = Enumerable.Range(0, 80).Select(_ => RandomFile(random)).ToList();
        var claimed = 0;
        for (var n = 0; n < 600; n++)
        {
            var filter = RandomFilter(random);
            var rows = new Evaluator(Schema.Struct, filter);
            var strict = new StrictMetricsEvaluator(Schema, filter);
            foreach (var (fileRows, fileMetrics) in files)
            {
                if (strict.AllRowsMatch(fileMetrics))
                {
                    claimed++;
                    Assert.True(fileRows.All(rows.Eval), $"{filter} claimed all rows match: {string.Join(" | ", fileRows.Select(x => string.Join(",", x)))}");
                }
            }
        }

        Assert.True(claimed > 1000, $"strict evaluator claimed only {claimed} files");
    }

    private static (List<object?[]> Rows, FileMetrics Metrics) RandomFile(Random r)
    {
        var rows = Enumerable.Range(0, r.Next(1, 8)).Select(_ => new object?[]
        {
            r.Next(4) == 0 ? null : (long)r.Next(-20, 20),
            r.Next(4) == 0 ? null : Str(r),
            r.Next(4) == 0 ? null : r.Next(6) == 0 ? double.NaN : r.Next(-5, 5) / 2.0,
        }).ToList();
        var valueCounts = new Dictionary<int, long>();
        var nullCounts = new Dictionary<int, long>();
        var nanCounts = new Dictionary<int, long>();
        var lower = new Dictionary<int, byte[]>();
        var upper = new Dictionary<int, byte[]>();
        for (var c = 0; c < 3; c++)
        {
            var id = c + 1;
            var type = (PrimitiveType)Schema.Fields[c].Type;
            var values = rows.Select(row => row[c]).ToList();
            valueCounts[id] = values.Count;
            nullCounts[id] = values.Count(v => v is null);
            if (c == 2)
            {
                nanCounts[id] = values.Count(v => v is double d && double.IsNaN(d));
            }

            var present = values.Where(v => v is not null && !(v is double d && double.IsNaN(d))).ToList();
            if (present.Count > 0 && r.Next(5) != 0)
            {
                present.Sort((a, b) => Literals.Compare(a!, b!));
                lower[id] = SingleValueBinary.ToBytes(present[0]!, type);
                upper[id] = SingleValueBinary.ToBytes(present[^1]!, type);
            }
        }

        return (rows, new FileMetrics { RecordCount = rows.Count, ValueCounts = valueCounts, NullValueCounts = nullCounts, NanValueCounts = nanCounts, LowerBounds = lower, UpperBounds = upper });
    }

    private static string Str(Random r) => new string(Enumerable.Range(0, r.Next(0, 4)).Select(_ => "abé"[r.Next(3)]).ToArray());

    private static Expression RandomFilter(Random r)
    {
        var c = r.Next(3);
        var name = Schema.Fields[c].Name;
        object lit = c switch { 0 => (long)r.Next(-22, 22), 1 => Str(r), _ => r.Next(-6, 6) / 2.0 };
        var op = r.Next(c == 1 ? 12 : 10);
        return op switch
        {
            0 => E.LessThan(name, lit),
            1 => E.LessThanOrEqual(name, lit),
            2 => E.GreaterThan(name, lit),
            3 => E.GreaterThanOrEqual(name, lit),
            4 => E.Equal(name, lit),
            5 => E.NotEqual(name, lit),
            6 => E.In(name, lit, c switch { 0 => (object)(long)r.Next(-22, 22), 1 => Str(r), _ => 0.5 }),
            7 => E.IsNull(name),
            8 => E.NotNull(name),
            9 => c == 2 ? (r.Next(2) == 0 ? E.IsNaN(name) : E.NotNaN(name)) : E.NotIn(name, lit),
            10 => E.StartsWith(name, (string)lit),
            _ => E.NotStartsWith(name, (string)lit),
        };
    }
}
