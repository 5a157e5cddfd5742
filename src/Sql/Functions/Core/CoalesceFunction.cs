using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>coalesce(a, b, …): the first non-null argument; arguments are coerced to their common super type.</summary>
public sealed class CoalesceFunction : ScalarFunction
{
    public CoalesceFunction()
        : base("coalesce", "first non-null argument")
    {
    }

    public override IReadOnlyList<string> Signatures => ["coalesce(T, T, …) → T"];

    public override BoundScalarFunction? Bind(IReadOnlyList<SqlType> argumentTypes)
    {
        if (argumentTypes.Count == 0)
        {
            return null;
        }

        var common = argumentTypes[0];
        for (var i = 1; i < argumentTypes.Count; i++)
        {
            if (SqlType.CommonSuperType(common, argumentTypes[i]) is not { } t)
            {
                return null;
            }

            common = t;
        }

        return new Bound(Enumerable.Repeat(common, argumentTypes.Count).ToArray(), common);
    }

    private sealed class Bound(IReadOnlyList<SqlType> args, SqlType returnType) : BoundScalarFunction("coalesce", args, returnType, propagatesNulls: false)
    {
        public override ColumnVector Invoke(ReadOnlySpan<ColumnVector> arguments, int rowCount, FunctionContext context) =>
            VectorChoice.FirstNonNull(ReturnType, arguments, rowCount);
    }
}
