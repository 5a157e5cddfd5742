using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions;

/// <summary>One overload of an aggregate with fixed argument types; it creates grouped states.</summary>
public abstract class BoundAggregateFunction
{
    protected BoundAggregateFunction(string name, IReadOnlyList<SqlType> argumentTypes, SqlType returnType)
    {
        Name = name;
        ArgumentTypes = argumentTypes;
        ReturnType = returnType;
    }

    public string Name { get; }

    public IReadOnlyList<SqlType> ArgumentTypes { get; }

    public SqlType ReturnType { get; }

    /// <summary>A fresh, empty state for any number of groups (one per thread/partition of the hash aggregate).</summary>
    public abstract GroupedAggregateState CreateState();

    public override string ToString() => $"{Name}({string.Join(", ", ArgumentTypes)}) → {ReturnType}";
}
