namespace Lakehouse.Sql.Tests.Logic;

/// <summary>One record of a sqllogictest file.</summary>
public sealed class LogicRecord
{
    public required int Line { get; init; }

    /// <summary>"statement" or "query".</summary>
    public required string Kind { get; init; }

    /// <summary>statement: "ok" or "error"; query: the column type letters.</summary>
    public required string Mode { get; init; }

    /// <summary>Error regex (statement error) or sort mode (query: rowsort, valuesort, nosort).</summary>
    public string? Argument { get; init; }

    public required string Sql { get; init; }

    /// <summary>Expected result lines (query) — null when the file has no ---- block yet.</summary>
    public List<string>? Expected { get; set; }

    /// <summary>Comment lines just before the record (e.g. "# oracle: skip …").</summary>
    public List<string> Comments { get; init; } = [];
}
