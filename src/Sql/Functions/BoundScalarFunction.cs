using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions;

/// <summary>
/// One overload of a scalar function with fixed argument types: a vectorized kernel. Kernels loop over
/// typed spans and must not allocate per row. Arguments arrive already cast to <see cref="ArgumentTypes"/>.
/// </summary>
public abstract class BoundScalarFunction
{
    protected BoundScalarFunction(string name, IReadOnlyList<SqlType> argumentTypes, SqlType returnType, bool isDeterministic = true, bool propagatesNulls = true)
    {
        Name = name;
        ArgumentTypes = argumentTypes;
        ReturnType = returnType;
        IsDeterministic = isDeterministic;
        PropagatesNulls = propagatesNulls;
    }

    public string Name { get; }

    /// <summary>The types the arguments are coerced to before <see cref="Invoke"/>.</summary>
    public IReadOnlyList<SqlType> ArgumentTypes { get; }

    public SqlType ReturnType { get; }

    /// <summary>False for random(), now()-like functions: never constant-folded.</summary>
    public bool IsDeterministic { get; }

    /// <summary>True when any null argument makes the result null (the planner may then fold or skip rows).</summary>
    public bool PropagatesNulls { get; }

    /// <summary>
    /// Computes <paramref name="rowCount"/> results. Every argument has <c>Length == rowCount</c> (arrays or
    /// constants). Return a constant when all arguments are constants. Throw <see cref="SqlException"/> with
    /// <see cref="SqlErrorKind.Execution"/> for data errors (e.g. "division by zero").
    /// </summary>
    public abstract ColumnVector Invoke(ReadOnlySpan<ColumnVector> arguments, int rowCount, FunctionContext context);

    public override string ToString() => $"{Name}({string.Join(", ", ArgumentTypes)}) → {ReturnType}";
}
