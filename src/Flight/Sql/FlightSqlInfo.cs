using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Flight.Protocol.Sql;

namespace Lakehouse.Flight.Sql;

/// <summary>
/// The GetSqlInfo answers: every standard info code of FlightSql.proto with the union branch the spec
/// assigns it (0 string, 1 bool, 2 int64, 3 int32 bitmask/enum, 4 string list, 5 int32 -> int32 list map).
/// The values describe our Trino-dialect engine; spec/flight.md lists them.
/// </summary>
public static class FlightSqlInfo
{
    public const int StringValue = 0;
    public const int BoolValue = 1;
    public const int BigIntValue = 2;
    public const int Int32Bitmask = 3;
    public const int StringList = 4;
    public const int Int32ToInt32ListMap = 5;

    /// <summary>The Arrow columnar format version our IPC writes.</summary>
    public const string ArrowVersion = "1.5.0";

    /// <summary>Builds all answers (code, union branch, value) for a backend identity and statement timeout.</summary>
    public static IReadOnlyList<(int Code, int Branch, object? Value)> Answers(FlightSqlServerIdentity identity, int statementTimeoutMs)
    {
        var convertTargets = new Dictionary<int, int[]>();
        int[] numeric = [(int)SqlSupportsConvert.SqlConvertBigint, (int)SqlSupportsConvert.SqlConvertInteger, (int)SqlSupportsConvert.SqlConvertSmallint, (int)SqlSupportsConvert.SqlConvertTinyint, (int)SqlSupportsConvert.SqlConvertDecimal, (int)SqlSupportsConvert.SqlConvertFloat, (int)SqlSupportsConvert.SqlConvertReal, (int)SqlSupportsConvert.SqlConvertVarchar];
        foreach (var from in numeric)
        {
            convertTargets[from] = numeric;
        }

        convertTargets[(int)SqlSupportsConvert.SqlConvertVarchar] = [.. numeric, (int)SqlSupportsConvert.SqlConvertDate, (int)SqlSupportsConvert.SqlConvertTimestamp];
        convertTargets[(int)SqlSupportsConvert.SqlConvertDate] = [(int)SqlSupportsConvert.SqlConvertVarchar, (int)SqlSupportsConvert.SqlConvertTimestamp];
        convertTargets[(int)SqlSupportsConvert.SqlConvertTimestamp] = [(int)SqlSupportsConvert.SqlConvertVarchar, (int)SqlSupportsConvert.SqlConvertDate];

        var transactions = identity.SupportsTransactions;
        return
        [
            (0, StringValue, identity.Name),
            (1, StringValue, identity.Version),
            (2, StringValue, ArrowVersion),
            (3, BoolValue, identity.ReadOnly),
            (4, BoolValue, true),
            (5, BoolValue, false),
            (6, StringValue, null),
            (7, StringValue, null),
            (8, Int32Bitmask, (int)SqlSupportedTransaction.None),
            (9, BoolValue, true),
            (10, BoolValue, true),
            (11, BoolValue, false),
            (100, Int32Bitmask, statementTimeoutMs),
            (101, Int32Bitmask, 0),
            (500, BoolValue, false),
            (501, BoolValue, true),
            (502, BoolValue, true),
            (503, Int32Bitmask, (int)SqlSupportedCaseSensitivity.SqlCaseSensitivityLowercase),
            (504, StringValue, "\""),
            (505, Int32Bitmask, (int)SqlSupportedCaseSensitivity.SqlCaseSensitivityCaseInsensitive),
            (506, BoolValue, true),
            (507, Int32Bitmask, (int)SqlNullOrdering.SqlNullsSortedAtEnd),
            (508, StringList, new[] { "ANALYZE", "DESCRIBE", "EXPLAIN", "LIMIT", "OFFSET", "QUALIFY", "SHOW", "TABLESAMPLE", "UNNEST" }),
            (509, StringList, new[] { "abs", "ceil", "exp", "floor", "ln", "log10", "mod", "pi", "power", "rand", "round", "sign", "sqrt", "truncate" }),
            (510, StringList, new[] { "concat", "length", "lower", "ltrim", "position", "replace", "rtrim", "split", "strpos", "substr", "substring", "trim", "upper" }),
            (511, StringList, new[] { "coalesce", "if", "nullif", "typeof", "version" }),
            (512, StringList, new[] { "current_date", "current_timestamp", "date_add", "date_diff", "date_trunc", "day", "extract", "from_unixtime", "hour", "minute", "month", "now", "second", "to_unixtime", "year" }),
            (513, StringValue, "\\"),
            (514, StringValue, string.Empty),
            (515, BoolValue, true),
            (516, BoolValue, true),
            (517, Int32ToInt32ListMap, convertTargets),
            (518, BoolValue, true),
            (519, BoolValue, false),
            (520, BoolValue, true),
            (521, BoolValue, true),
            (522, Int32Bitmask, (1 << (int)SqlSupportedGroupBy.SqlGroupByUnrelated) | (1 << (int)SqlSupportedGroupBy.SqlGroupByBeyondSelect)),
            (523, BoolValue, true),
            (524, BoolValue, true),
            (525, Int32Bitmask, (1 << (int)SupportedSqlGrammar.SqlMinimumGrammar) | (1 << (int)SupportedSqlGrammar.SqlCoreGrammar)),
            (526, Int32Bitmask, 1 << (int)SupportedAnsi92SqlGrammarLevel.Ansi92EntrySql),
            (527, BoolValue, false),
            (528, Int32Bitmask, (int)SqlOuterJoinsSupportLevel.SqlFullOuterJoins),
            (529, StringValue, "schema"),
            (530, StringValue, "procedure"),
            (531, StringValue, "catalog"),
            (532, BoolValue, true),
            (533, Int32Bitmask, 0),
            (534, Int32Bitmask, 0),
            (535, Int32Bitmask, 0),
            (536, BoolValue, false),
            (537, BoolValue, false),
            (538, Int32Bitmask, (1 << (int)SqlSupportedSubqueries.SqlSubqueriesInComparisons) | (1 << (int)SqlSupportedSubqueries.SqlSubqueriesInExists) | (1 << (int)SqlSupportedSubqueries.SqlSubqueriesInIns)),
            (539, BoolValue, true),
            (540, Int32Bitmask, (1 << (int)SqlSupportedUnions.SqlUnion) | (1 << (int)SqlSupportedUnions.SqlUnionAll)),
            (541, BigIntValue, 0L),
            (542, BigIntValue, 0L),
            (543, BigIntValue, 0L),
            (544, BigIntValue, 0L),
            (545, BigIntValue, 0L),
            (546, BigIntValue, 0L),
            (547, BigIntValue, 0L),
            (548, BigIntValue, 0L),
            (549, BigIntValue, 0L),
            (550, BigIntValue, 0L),
            (551, BigIntValue, 0L),
            (552, BigIntValue, 0L),
            (553, BigIntValue, 0L),
            (554, BigIntValue, 0L),
            (555, BigIntValue, 0L),
            (556, BoolValue, true),
            (557, BigIntValue, 0L),
            (558, BigIntValue, 0L),
            (559, BigIntValue, 0L),
            (560, BigIntValue, 0L),
            (561, BigIntValue, 0L),
            (562, Int32Bitmask, (int)SqlTransactionIsolationLevel.SqlTransactionNone),
            (563, BoolValue, transactions),
            (564, Int32Bitmask, 0),
            (565, BoolValue, false),
            (566, BoolValue, false),
            (567, Int32Bitmask, 1 << (int)SqlSupportedResultSetType.SqlResultSetTypeForwardOnly),
            (568, Int32Bitmask, 0),
            (569, Int32Bitmask, 1 << (int)SqlSupportedResultSetConcurrency.SqlResultSetConcurrencyReadOnly),
            (570, Int32Bitmask, 0),
            (571, Int32Bitmask, 0),
            (572, BoolValue, true),
            (573, BoolValue, false),
            (574, BoolValue, false),
            (575, BoolValue, false),
            (576, BoolValue, false),
        ];
    }

    /// <summary>The GetSqlInfo result for <paramref name="codes"/> (all when empty), in request order; unknown codes are skipped.</summary>
    public static RecordBatch Build(IReadOnlyList<(int Code, int Branch, object? Value)> answers, IReadOnlyList<uint> codes)
    {
        var builder = new RecordBatchBuilder(FlightSqlSchemas.GetSqlInfo);
        if (codes.Count == 0)
        {
            foreach (var (code, branch, value) in answers)
            {
                builder.AppendRow((uint)code, new UnionValue(branch, value));
            }

            return builder.Build();
        }

        foreach (var requested in codes)
        {
            foreach (var (code, branch, value) in answers)
            {
                if ((uint)code == requested)
                {
                    builder.AppendRow((uint)code, new UnionValue(branch, value));
                    break;
                }
            }
        }

        return builder.Build();
    }
}
