using System.Collections.Frozen;

namespace Lakehouse.Sql.Parsing;

/// <summary>Keyword sets of the dialect (lower case).</summary>
public static class Keywords
{
    /// <summary>Trino's reserved words: they cannot be used as unquoted identifiers.</summary>
    public static readonly FrozenSet<string> Reserved = FrozenSet.ToFrozenSet(
    [
        "alter", "and", "as", "between", "by", "case", "cast", "constraint", "create", "cross", "cube",
        "current_catalog", "current_date", "current_path", "current_role", "current_schema", "current_time",
        "current_timestamp", "current_user", "deallocate", "delete", "describe", "distinct", "drop", "else", "end",
        "escape", "except", "execute", "exists", "extract", "false", "for", "from", "full", "group", "grouping",
        "having", "in", "inner", "insert", "intersect", "into", "is", "join", "json_array", "json_exists",
        "json_object", "json_query", "json_table", "json_value", "left", "like", "listagg", "localtime",
        "localtimestamp", "natural", "normalize", "not", "null", "on", "or", "order", "outer", "prepare",
        "recursive", "right", "rollup", "select", "skip", "table", "then", "trim", "true", "uescape", "union",
        "unnest", "using", "values", "when", "where", "with",
        // Not reserved in Trino, but reserved here because they start or continue a predicate.
        "ilike",
    ]);

    /// <summary>
    /// Non-reserved words that may not be an alias written without AS, because they start the next clause.
    /// </summary>
    public static readonly FrozenSet<string> NotImplicitAlias = FrozenSet.ToFrozenSet(
    [
        "limit", "offset", "fetch", "window", "tablesample", "match_recognize",
    ]);

    /// <summary>Reserved words that are nevertheless function names when followed by '('.</summary>
    public static readonly FrozenSet<string> ReservedFunctionNames = FrozenSet.ToFrozenSet(
    [
        "trim", "grouping", "listagg", "normalize",
    ]);

    /// <summary>
    /// Words the formatter quotes when they are used as identifiers, so that the output never changes meaning
    /// (reserved words plus words that begin special syntax).
    /// </summary>
    public static readonly FrozenSet<string> QuoteWhenIdentifier = FrozenSet.ToFrozenSet(
    [
        .. Reserved, .. NotImplicitAlias, "interval", "array", "row", "try_cast", "lateral", "partition", "rows",
        "range", "groups", "date", "time", "timestamp", "all", "any", "some",
    ]);

    public static bool IsReserved(string word) => Reserved.Contains(word);
}
