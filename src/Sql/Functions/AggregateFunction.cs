using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions;

/// <summary>An aggregate function by name (count, sum, approx_distinct…); <see cref="Bind"/> picks the overload.</summary>
public abstract class AggregateFunction
{
    protected AggregateFunction(string name, string description = "")
    {
        Name = name.ToLowerInvariant();
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    public virtual IReadOnlyList<string> Signatures => [$"{Name}(…)"];

    /// <summary>
    /// The overload for <paramref name="argumentTypes"/> (empty for <c>count(*)</c>), or null when none applies.
    /// With <paramref name="distinct"/> the engine removes duplicate (group, arguments) rows before
    /// <see cref="GroupedAggregateState.Update"/>, so most functions can ignore it.
    /// </summary>
    public abstract BoundAggregateFunction? Bind(IReadOnlyList<SqlType> argumentTypes, bool distinct);
}
