using System.Text;
using Lakehouse.Table.Expressions;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using Xunit;
using E = Lakehouse.Table.Expressions.Expressions;

namespace Lakehouse.Table.Tests.Expressions;

public sealed class BinderAndEvaluatorTests
{
    private static readonly Schema Schema = new(0,
    [
        NestedField.Required(1, "id", PrimitiveType.Long),
        NestedField.Optional(2, "Name", PrimitiveType.String),
        NestedField.Optional(3, "f", PrimitiveType.Double),
        NestedField.Optional(4, "i", PrimitiveType.Int),
        NestedField.Optional(5, "tags", new ListType(6, PrimitiveType.String, false)),
        NestedField.Optional(7, "l", PrimitiveType.Long),
    ]);

    [Fact]
    public void BindsByNameAndSimplifies()
    {
        var ex = Assert.Throws<IcebergException>(() => Binder.Bind(Schema, E.Equal("missing", 1)));
        Assert.Equal(IcebergErrorKind.NotFound, ex.Kind);
        Assert.Contains("'missing'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<IcebergException>(() => Binder.Bind(Schema, E.Equal("name", "x")));
        var bound = Assert.IsType<BoundPredicate>(Binder.Bind(Schema, E.Equal("name", "x"), caseSensitive: false));
        Assert.Equal(2, bound.FieldId);

        Assert.IsType<AlwaysFalse>(Binder.Bind(Schema, E.IsNull("id")));
        Assert.IsType<AlwaysTrue>(Binder.Bind(Schema, E.NotNull("id")));
        Assert.IsType<AlwaysTrue>(Binder.Bind(Schema, E.LessThan("i", 3_000_000_000L)));
        Assert.IsType<AlwaysFalse>(Binder.Bind(Schema, E.Equal("i", -3_000_000_000L)));
        Assert.Throws<IcebergException>(() => Binder.Bind(Schema, E.IsNaN("i")));
        Assert.Throws<IcebergException>(() => Binder.Bind(Schema, E.Equal("i", "abc")));

        var eq = Assert.IsType<BoundPredicate>(Binder.Bind(Schema, E.In("l", 5, 5L)));
        Assert.Equal(Operation.Equal, eq.Op);
        Assert.Equal(5L, eq.Literal);

        var not = Assert.IsType<BoundPredicate>(Binder.Bind(Schema, E.Not(E.GreaterThan("l", 5))));
        Assert.Equal(Operation.LessThanOrEqual, not.Op);
    }

    [Fact]
    public void EvaluatorOnRows()
    {
        var eval = new Evaluator(Schema.Struct, E.And(E.GreaterThan("l", 5), E.Or(E.StartsWith("Name", "ab"), E.IsNaN("f"))));
        Assert.True(eval.Eval([1L, "abc", 1.0, 1, null, 6L]));
        Assert.True(eval.Eval([1L, "x", double.NaN, 1, null, 6L]));
        Assert.False(eval.Eval([1L, "abc", 1.0, 1, null, 5L]));
        Assert.False(eval.Eval([1L, null, null, 1, null, 6L]));
    }

    private static FileMetrics Metrics(long records = 100) => new()
    {
        RecordCount = records,
        ValueCounts = new Dictionary<int, long> { [1] = 100, [2] = 100, [3] = 100, [4] = 100, [6] = 300 },
        NullValueCounts = new Dictionary<int, long> { [1] = 0, [2] = 0, [3] = 10, [4] = 100 },
        NanValueCounts = new Dictionary<int, long> { [3] = 0 },
        LowerBounds = new Dictionary<int, byte[]>
        {
            [1] = SingleValueBinary.ToBytes(10L, PrimitiveType.Long),
            [2] = Encoding.UTF8.GetBytes("abc"),
            [6] = Encoding.UTF8.GetBytes("zzz"),
            [7] = SingleValueBinary.ToBytes(-5, PrimitiveType.Int),
        },
        UpperBounds = new Dictionary<int, byte[]>
        {
            [1] = SingleValueBinary.ToBytes(20L, PrimitiveType.Long),
            [2] = Encoding.UTF8.GetBytes("abz"),
            [6] = Encoding.UTF8.GetBytes("zzz"),
            [7] = SingleValueBinary.ToBytes(5, PrimitiveType.Int),
        },
    };

    [Theory]
    [InlineData("id < 10", false)]
    [InlineData("id <= 10", true)]
    [InlineData("id > 20", false)]
    [InlineData("id >= 20", true)]
    [InlineData("id == 25", false)]
    [InlineData("id == 15", true)]
    [InlineData("id != 15", true)]
    [InlineData("id in 1,30", false)]
    [InlineData("id in 1,15", true)]
    [InlineData("name starts ab", true)]
    [InlineData("name starts ac", false)]
    [InlineData("name starts aa", false)]
    [InlineData("name starts abcd", true)]
    [InlineData("name notstarts ab", false)]
    [InlineData("name notstarts abc", true)]
    [InlineData("name isnull", false)]
    [InlineData("name notnull", true)]
    [InlineData("f isnan", false)]
    [InlineData("f isnull", true)]
    [InlineData("i notnull", false)]
    [InlineData("i == 3", false)]
    [InlineData("i isnull", true)]
    [InlineData("l < -5", false)]
    [InlineData("l <= -5", true)]
    [InlineData("l > 5", false)]
    [InlineData("tags.element == a", true)]
    public void MetricsDecideMightMatch(string filter, bool expected)
    {
        var evaluator = new InclusiveMetricsEvaluator(Schema, Parse(filter), caseSensitive: false);
        Assert.Equal(expected, evaluator.MightMatch(Metrics()));
    }

    [Fact]
    public void EmptyFileCannotMatchAndMissingMetricsMight()
    {
        Assert.False(new InclusiveMetricsEvaluator(Schema, E.AlwaysTrue).MightMatch(Metrics(records: 0)));
        Assert.True(new InclusiveMetricsEvaluator(Schema, E.Equal("l", 99L)).MightMatch(new FileMetrics { RecordCount = 5 }));
    }

    private static Expression Parse(string text)
    {
        var parts = text.Split(' ');
        var column = parts[0];
        object Lit(string s) => column switch
        {
            "id" or "l" => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
            "i" => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
            _ => s,
        };
        return parts[1] switch
        {
            "<" => E.LessThan(column, Lit(parts[2])),
            "<=" => E.LessThanOrEqual(column, Lit(parts[2])),
            ">" => E.GreaterThan(column, Lit(parts[2])),
            ">=" => E.GreaterThanOrEqual(column, Lit(parts[2])),
            "==" => E.Equal(column, Lit(parts[2])),
            "!=" => E.NotEqual(column, Lit(parts[2])),
            "in" => E.In(column, parts[2].Split(',').Select(Lit).ToArray()),
            "starts" => E.StartsWith(column, parts[2]),
            "notstarts" => E.NotStartsWith(column, parts[2]),
            "isnull" => E.IsNull(column),
            "notnull" => E.NotNull(column),
            "isnan" => E.IsNaN(column),
            _ => throw new ArgumentException(text),
        };
    }
}
