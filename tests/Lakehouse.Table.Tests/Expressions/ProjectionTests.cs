using System.Numerics;
using Lakehouse.Table.Expressions;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using Xunit;
using E = Lakehouse.Table.Expressions.Expressions;

namespace Lakehouse.Table.Tests.Expressions;

public sealed class ProjectionTests
{
    internal static readonly Schema TableSchema = new(0,
    [
        NestedField.Optional(1, "id", PrimitiveType.Long),
        NestedField.Optional(2, "ts", PrimitiveType.Timestamp),
        NestedField.Optional(3, "name", PrimitiveType.String),
        NestedField.Optional(4, "price", PrimitiveType.Decimal(9, 2)),
        NestedField.Optional(5, "d", PrimitiveType.Date),
        NestedField.Optional(6, "i", PrimitiveType.Int),
    ]);

    internal static readonly PartitionSpec AllTransforms = new(0,
    [
        new PartitionField(2, 1000, "ts_day", Transform.Day),
        new PartitionField(2, 1001, "ts_hour", Transform.Hour),
        new PartitionField(2, 1002, "ts_month", Transform.Month),
        new PartitionField(2, 1003, "ts_year", Transform.Year),
        new PartitionField(1, 1004, "id_bucket", Transform.Bucket(8)),
        new PartitionField(3, 1005, "name_trunc", Transform.Truncate(3)),
        new PartitionField(4, 1006, "price_trunc", Transform.Truncate(50)),
        new PartitionField(5, 1007, "d", Transform.Identity),
        new PartitionField(6, 1008, "i_trunc", Transform.Truncate(10)),
        new PartitionField(5, 1009, "d_year", Transform.Year),
        new PartitionField(6, 1010, "i_bucket", Transform.Bucket(4)),
        new PartitionField(1, 1011, "id_void", Transform.Void),
    ]);

    private static readonly PartitionSpec DaySpec = new(0, [new PartitionField(2, 1000, "ts_day", Transform.Day)]);

    private static long Ts(string s) => (long)Literals.Convert(s, PrimitiveType.Timestamp);

    private static int Day(string s) => (int)Transform.Day.Apply(Ts(s), PrimitiveType.Timestamp)!;

    private static UnboundPredicate Pred(Expression e) => Assert.IsType<UnboundPredicate>(e);

    [Fact]
    public void TimestampRangesProjectToDays()
    {
        const string x = "2024-01-01T10:00:00";
        var p = Pred(Projections.Inclusive(DaySpec, TableSchema, E.GreaterThanOrEqual("ts", x)));
        Assert.Equal((Operation.GreaterThanOrEqual, "ts_day", (object)Day(x)), (p.Op, p.Column, p.Literal));

        p = Pred(Projections.Inclusive(DaySpec, TableSchema, E.GreaterThan("ts", "2024-01-01T23:59:59.999999")));
        Assert.Equal((Operation.GreaterThanOrEqual, (object)Day("2024-01-02T00:00:00")), (p.Op, p.Literal));

        p = Pred(Projections.Inclusive(DaySpec, TableSchema, E.LessThan("ts", "2024-01-01T00:00:00")));
        Assert.Equal((Operation.LessThanOrEqual, (object)Day("2023-12-31T00:00:00")), (p.Op, p.Literal));

        p = Pred(Projections.Inclusive(DaySpec, TableSchema, E.Equal("ts", x)));
        Assert.Equal((Operation.Equal, (object)Day(x)), (p.Op, p.Literal));

        Assert.IsType<AlwaysTrue>(Projections.Inclusive(DaySpec, TableSchema, E.NotEqual("ts", x)));
        Assert.IsType<AlwaysTrue>(Projections.Inclusive(DaySpec, TableSchema, E.Equal("id", 5L)));
    }

    [Fact]
    public void NegativeTimestampsAreFloorAndWidenedForLegacyWriters()
    {
        var p = Pred(Projections.Inclusive(DaySpec, TableSchema, E.LessThan("ts", "1969-12-31T00:00:00")));
        Assert.Equal((Operation.LessThanOrEqual, (object)(-2 + 1)), (p.Op, p.Literal));

        p = Pred(Projections.Inclusive(DaySpec, TableSchema, E.Equal("ts", "1969-12-31T12:00:00")));
        Assert.Equal(Operation.In, p.Op);
        Assert.Equal([-1, 0], p.Literals.Cast<int>());

        p = Pred(Projections.Inclusive(DaySpec, TableSchema, E.GreaterThanOrEqual("ts", "1969-12-31T12:00:00")));
        Assert.Equal((Operation.GreaterThanOrEqual, (object)(-1)), (p.Op, p.Literal));

        Assert.IsType<AlwaysFalse>(Projections.Strict(DaySpec, TableSchema, E.LessThan("ts", "1969-12-31T00:00:00")));
        p = Pred(Projections.Strict(DaySpec, TableSchema, E.LessThan("ts", "2024-01-01T10:00:00")));
        Assert.Equal((Operation.LessThan, (object)Day("2024-01-01T00:00:00")), (p.Op, p.Literal));
    }

    [Fact]
    public void BucketProjectsEqualityOnly()
    {
        var spec = new PartitionSpec(0, [new PartitionField(1, 1000, "id_bucket", Transform.Bucket(16))]);
        var expected = Transform.Bucket(16).Apply(5L, PrimitiveType.Long);
        var p = Pred(Projections.Inclusive(spec, TableSchema, E.Equal("id", 5)));
        Assert.Equal((Operation.Equal, expected), (p.Op, p.Literal));
        p = Pred(Projections.Inclusive(spec, TableSchema, E.In("id", 5L, 6L, 5L)));
        Assert.Equal(Operation.In, p.Op);
        Assert.Equal(2, p.Literals.Count);
        Assert.IsType<AlwaysTrue>(Projections.Inclusive(spec, TableSchema, E.LessThan("id", 5L)));
        Assert.IsType<AlwaysTrue>(Projections.Inclusive(spec, TableSchema, E.NotEqual("id", 5L)));
        p = Pred(Projections.Strict(spec, TableSchema, E.NotEqual("id", 5L)));
        Assert.Equal((Operation.NotEqual, expected), (p.Op, p.Literal));
        Assert.IsType<AlwaysFalse>(Projections.Strict(spec, TableSchema, E.Equal("id", 5L)));
        p = Pred(Projections.Inclusive(spec, TableSchema, E.IsNull("id")));
        Assert.Equal(Operation.IsNull, p.Op);
    }

    [Fact]
    public void TruncateStringsAndPrefixes()
    {
        var spec = new PartitionSpec(0, [new PartitionField(3, 1000, "name_trunc", Transform.Truncate(3))]);
        Expression Inc(Expression e) => Projections.Inclusive(spec, TableSchema, e);
        Expression Str(Expression e) => Projections.Strict(spec, TableSchema, e);

        Assert.Equal((Operation.StartsWith, (object)"ab"), (Pred(Inc(E.StartsWith("name", "ab"))).Op, Pred(Inc(E.StartsWith("name", "ab"))).Literal));
        Assert.Equal((Operation.Equal, (object)"abc"), (Pred(Inc(E.StartsWith("name", "abcd"))).Op, Pred(Inc(E.StartsWith("name", "abcd"))).Literal));
        Assert.Equal(Operation.NotStartsWith, Pred(Inc(E.NotStartsWith("name", "ab"))).Op);
        Assert.Equal((Operation.NotEqual, (object)"abc"), (Pred(Inc(E.NotStartsWith("name", "abc"))).Op, Pred(Inc(E.NotStartsWith("name", "abc"))).Literal));
        Assert.IsType<AlwaysTrue>(Inc(E.NotStartsWith("name", "abcd")));
        Assert.Equal((Operation.LessThanOrEqual, (object)"abc"), (Pred(Inc(E.LessThan("name", "abcz"))).Op, Pred(Inc(E.LessThan("name", "abcz"))).Literal));
        Assert.Equal((Operation.LessThan, (object)"abc"), (Pred(Str(E.LessThan("name", "abcz"))).Op, Pred(Str(E.LessThan("name", "abcz"))).Literal));
        Assert.Equal(Operation.StartsWith, Pred(Str(E.StartsWith("name", "abc"))).Op);
        Assert.IsType<AlwaysFalse>(Str(E.StartsWith("name", "abcd")));
        Assert.IsType<AlwaysFalse>(Str(E.Equal("name", "abc")));
    }

    [Fact]
    public void TruncateIntegersAndDecimals()
    {
        var spec = new PartitionSpec(0, [new PartitionField(6, 1000, "i_trunc", Transform.Truncate(10)), new PartitionField(4, 1001, "price_trunc", Transform.Truncate(50))]);
        var p = Pred(Projections.Inclusive(spec, TableSchema, E.LessThan("i", 25)));
        Assert.Equal((Operation.LessThanOrEqual, (object)20), (p.Op, p.Literal));
        p = Pred(Projections.Inclusive(spec, TableSchema, E.LessThan("i", 20)));
        Assert.Equal((Operation.LessThanOrEqual, (object)10), (p.Op, p.Literal));
        p = Pred(Projections.Inclusive(spec, TableSchema, E.GreaterThan("i", -1)));
        Assert.Equal((Operation.GreaterThanOrEqual, (object)0), (p.Op, p.Literal));
        p = Pred(Projections.Strict(spec, TableSchema, E.LessThanOrEqual("i", 25)));
        Assert.Equal((Operation.LessThan, (object)20), (p.Op, p.Literal));
        p = Pred(Projections.Strict(spec, TableSchema, E.GreaterThanOrEqual("i", 20)));
        Assert.Equal((Operation.GreaterThan, (object)10), (p.Op, p.Literal));
        p = Pred(Projections.Inclusive(spec, TableSchema, E.GreaterThanOrEqual("price", 10.65m)));
        Assert.Equal((Operation.GreaterThanOrEqual, (object)new BigInteger(1050)), (p.Op, p.Literal));
    }

    [Fact]
    public void AndOrCombineProjections()
    {
        var e = E.And(E.GreaterThanOrEqual("ts", "2024-01-01T00:00:00"), E.LessThan("ts", "2024-01-03T00:00:00"));
        var proj = Assert.IsType<And>(Projections.Inclusive(DaySpec, TableSchema, e));
        Assert.Equal(Operation.GreaterThanOrEqual, Pred(proj.Left).Op);
        Assert.Equal(Operation.LessThanOrEqual, Pred(proj.Right).Op);
        Assert.IsType<AlwaysTrue>(Projections.Inclusive(DaySpec, TableSchema, E.Or(E.Equal("ts", "2024-01-01T00:00:00"), E.Equal("id", 3L))));
        var not = Pred(Projections.Inclusive(DaySpec, TableSchema, E.Not(E.LessThan("ts", "2024-01-01T00:00:00"))));
        Assert.Equal(Operation.GreaterThanOrEqual, not.Op);
    }

    /// <summary>
    /// Soundness on random data: a row matching the filter is in a partition matching the inclusive projection,
    /// and a partition matching the strict projection holds only rows matching the filter.
    /// </summary>
    [Fact]
    public void ProjectionsAreSoundOnRandomRows()
    {
        var random = new Random(20240101);
        var rows = Enumerable.Range(0, 400).Select(_ => RandomRow(random)).ToList();
        var partitionType = AllTransforms.PartitionType(TableSchema);
        var partitions = rows.Select(r => Partition(r)).ToList();
        var checkedFilters = 0;
        for (var n = 0; n < 600; n++)
        {
            var filter = RandomFilter(random, depth: 2);
            var rowEval = new Evaluator(TableSchema.Struct, filter);
            var inclusive = new Evaluator(partitionType, Projections.Inclusive(AllTransforms, TableSchema, filter));
            var strict = new Evaluator(partitionType, Projections.Strict(AllTransforms, TableSchema, filter));
            for (var r = 0; r < rows.Count; r++)
            {
                var matches = rowEval.Eval(rows[r]);
                if (matches)
                {
                    Assert.True(inclusive.Eval(partitions[r]), $"inclusive projection of {filter} rejects row {Describe(rows[r])}: {inclusive.BoundExpression}");
                }

                if (strict.Eval(partitions[r]))
                {
                    Assert.True(matches, $"strict projection of {filter} accepts row {Describe(rows[r])}: {strict.BoundExpression}");
                }
            }

            checkedFilters++;
        }

        Assert.Equal(600, checkedFilters);
    }

    [Fact]
    public void ResidualsAreEquivalentOnRowsOfTheirPartition()
    {
        var random = new Random(77);
        var rows = Enumerable.Range(0, 300).Select(_ => RandomRow(random)).ToList();
        var partitions = rows.Select(Partition).ToList();
        var simplified = 0;
        for (var n = 0; n < 300; n++)
        {
            var filter = RandomFilter(random, depth: 2);
            var rowEval = new Evaluator(TableSchema.Struct, filter);
            var residuals = new ResidualEvaluator(AllTransforms, TableSchema, filter);
            for (var r = 0; r < rows.Count; r++)
            {
                var residual = residuals.ResidualFor(partitions[r]);
                if (residual is AlwaysTrue or AlwaysFalse)
                {
                    simplified++;
                }

                var residualEval = new Evaluator(TableSchema.Struct, Unbind(residual));
                Assert.True(rowEval.Eval(rows[r]) == residualEval.Eval(rows[r]), $"residual {residual} of {filter} differs on row {Describe(rows[r])}");
            }
        }

        Assert.True(simplified > 1000, $"only {simplified} residuals were simplified to constants");
    }

    [Fact]
    public void ManifestEvaluatorNeverSkipsAMatchingManifest()
    {
        var random = new Random(5);
        var partitionType = AllTransforms.PartitionType(TableSchema);
        var manifests = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomRow(random)).ToList()).ToList();
        var summaries = manifests.Select(m => Summaries(m.Select(Partition).ToList(), partitionType)).ToList();
        var skipped = 0;
        for (var n = 0; n < 400; n++)
        {
            var filter = RandomFilter(random, depth: 1);
            var rowEval = new Evaluator(TableSchema.Struct, filter);
            var evaluator = new ManifestEvaluator(AllTransforms, TableSchema, filter);
            for (var m = 0; m < manifests.Count; m++)
            {
                var might = evaluator.MightMatch(summaries[m]);
                if (manifests[m].Any(rowEval.Eval))
                {
                    Assert.True(might, $"manifest skipped for {filter} ({evaluator.PartitionFilter}) though a row matches");
                }
                else if (!might)
                {
                    skipped++;
                }
            }
        }

        Assert.True(skipped > 500, $"only {skipped} manifests skipped");
    }

    [Fact]
    public void ResidualExample()
    {
        var residuals = new ResidualEvaluator(DaySpec, TableSchema, E.And(E.GreaterThanOrEqual("ts", "2024-01-02T12:00:00"), E.Equal("id", 5L)));
        var day = (object)Day("2024-01-03T00:00:00");
        var residual = Assert.IsType<BoundPredicate>(residuals.ResidualFor([day]));
        Assert.Equal(1, residual.FieldId);
        var sameDay = Assert.IsType<And>(residuals.ResidualFor([Day("2024-01-02T00:00:00")]));
        Assert.Equal(2, Assert.IsType<BoundPredicate>(sameDay.Left).FieldId);
        Assert.IsType<AlwaysFalse>(residuals.ResidualFor([Day("2024-01-01T00:00:00")]));
    }

    [Fact]
    public void PartitionPathUsesHumanValues()
    {
        var spec = new PartitionSpec(0,
        [
            new PartitionField(2, 1000, "ts_day", Transform.Day),
            new PartitionField(1, 1001, "id_bucket", Transform.Bucket(16)),
            new PartitionField(3, 1002, "name", Transform.Identity),
            new PartitionField(2, 1003, "ts_hour", Transform.Hour),
        ]);
        var path = spec.PartitionPath([Day("2024-01-01T05:00:00"), 3, "a b/c=é", null], TableSchema);
        Assert.Equal("ts_day=2024-01-01/id_bucket=3/name=a+b%2Fc%3D%C3%A9/ts_hour=null", path);
    }

    private static Expression Unbind(Expression e) => e switch
    {
        And a => E.And(Unbind(a.Left), Unbind(a.Right)),
        Or o => E.Or(Unbind(o.Left), Unbind(o.Right)),
        BoundPredicate p => new UnboundPredicate(p.Op, p.Reference.Name, p.Literals),
        _ => e,
    };

    private static List<PartitionFieldSummary> Summaries(List<object?[]> partitions, StructType partitionType)
    {
        var result = new List<PartitionFieldSummary>();
        for (var i = 0; i < partitionType.Fields.Count; i++)
        {
            var type = (PrimitiveType)partitionType.Fields[i].Type;
            var values = partitions.Select(p => p[i]).Where(v => v is not null).ToList();
            values.Sort((a, b) => Literals.Compare(a!, b!));
            result.Add(new PartitionFieldSummary(
                partitions.Any(p => p[i] is null),
                false,
                values.Count == 0 ? null : SingleValueBinary.ToBytes(values[0]!, type),
                values.Count == 0 ? null : SingleValueBinary.ToBytes(values[^1]!, type)));
        }

        return result;
    }

    private static object?[] Partition(object?[] row)
    {
        var values = new object?[AllTransforms.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var f = AllTransforms.Fields[i];
            var source = (PrimitiveType)TableSchema.FindField(f.SourceId)!.Type;
            values[i] = f.Transform.Apply(row[f.SourceId - 1], source);
        }

        return values;
    }

    private static string Describe(object?[] row) => string.Join(", ", row.Select((v, i) => Literals.ToHumanString(v, (PrimitiveType)TableSchema.Fields[i].Type)));

    private static object?[] RandomRow(Random r) =>
    [
        r.Next(10) == 0 ? null : (long)r.Next(-30, 30),
        r.Next(10) == 0 ? null : RandomTs(r),
        r.Next(10) == 0 ? null : RandomString(r),
        r.Next(10) == 0 ? null : new BigInteger(r.Next(-300, 300)),
        r.Next(10) == 0 ? null : r.Next(-800, 800),
        r.Next(10) == 0 ? null : r.Next(-40, 40),
    ];

    private static long RandomTs(Random r)
    {
        var baseline = r.Next(3) switch { 0 => 0L, 1 => -DateTimeUtil.MicrosPerDay * 400, _ => DateTimeUtil.MicrosPerDay * 19_000 };
        var unit = r.Next(4) switch { 0 => 1L, 1 => DateTimeUtil.MicrosPerHour, 2 => DateTimeUtil.MicrosPerDay, _ => DateTimeUtil.MicrosPerDay * 31 };
        return baseline + (r.Next(-20, 20) * unit) + r.Next(-2, 3);
    }

    private static string RandomString(Random r)
    {
        const string alphabet = "abé𝄞";
        var length = r.Next(0, 6);
        var s = string.Empty;
        for (var i = 0; i < length; i++)
        {
            var c = r.Next(4);
            s += c == 3 ? "𝄞" : alphabet[c].ToString();
        }

        return s;
    }

    private static Expression RandomFilter(Random r, int depth)
    {
        if (depth > 0 && r.Next(3) == 0)
        {
            var left = RandomFilter(r, depth - 1);
            var right = RandomFilter(r, depth - 1);
            return r.Next(3) switch { 0 => E.And(left, right), 1 => E.Or(left, right), _ => E.Not(left) };
        }

        var column = r.Next(6);
        var name = TableSchema.Fields[column].Name;
        var sample = RandomRow(r)[column] ?? RandomRow(r)[column] ?? RandomRow(r)[column];
        if (sample is null || r.Next(12) == 0)
        {
            return r.Next(2) == 0 ? E.IsNull(name) : E.NotNull(name);
        }

        var ops = column == 2
            ? new[] { Operation.LessThan, Operation.LessThanOrEqual, Operation.GreaterThan, Operation.GreaterThanOrEqual, Operation.Equal, Operation.NotEqual, Operation.In, Operation.NotIn, Operation.StartsWith, Operation.NotStartsWith }
            : new[] { Operation.LessThan, Operation.LessThanOrEqual, Operation.GreaterThan, Operation.GreaterThanOrEqual, Operation.Equal, Operation.NotEqual, Operation.In, Operation.NotIn };
        var op = ops[r.Next(ops.Length)];
        if (op.IsSet())
        {
            var other = RandomRow(r)[column] ?? sample;
            return E.Predicate(op, name, [sample, other]);
        }

        return E.Predicate(op, name, [sample]);
    }
}
