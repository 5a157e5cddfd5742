using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>An aggregate of the library: a binder delegate from argument types to (coerced argument types, return type, state factory).</summary>
public sealed class LibraryAggregateFunction : AggregateFunction
{
    private readonly Func<IReadOnlyList<SqlType>, (SqlType[] Arguments, SqlType ReturnType, Func<GroupedAggregateState> CreateState)?> _bind;
    private readonly string[] _signatures;

    public LibraryAggregateFunction(string name, string description, string[] signatures,
        Func<IReadOnlyList<SqlType>, (SqlType[] Arguments, SqlType ReturnType, Func<GroupedAggregateState> CreateState)?> bind)
        : base(name, description)
    {
        _bind = bind;
        _signatures = signatures;
    }

    public override IReadOnlyList<string> Signatures => _signatures;

    public override BoundAggregateFunction? Bind(IReadOnlyList<SqlType> argumentTypes, bool distinct) =>
        _bind(argumentTypes) is { } b ? new Bound(Name, b.Arguments, b.ReturnType, b.CreateState) : null;

    private sealed class Bound(string name, IReadOnlyList<SqlType> arguments, SqlType returnType, Func<GroupedAggregateState> create)
        : BoundAggregateFunction(name, arguments, returnType)
    {
        public override GroupedAggregateState CreateState() => create();
    }
}
