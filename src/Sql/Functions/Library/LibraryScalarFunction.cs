using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>
/// A scalar function of the library: a list of overloads tried exact match first, then with Trino's implicit
/// coercions (<see cref="SqlType.CanCoerce"/>), in registration order.
/// </summary>
public sealed class LibraryScalarFunction : ScalarFunction
{
    private readonly List<ScalarOverload> _overloads = [];

    public LibraryScalarFunction(string name, string description)
        : base(name, description)
    {
    }

    public override IReadOnlyList<string> Signatures => _overloads.Select(Describe).ToList();

    public LibraryScalarFunction Add(ScalarOverload overload)
    {
        _overloads.Add(overload);
        return this;
    }

    /// <summary>Adds a fixed-signature overload.</summary>
    public LibraryScalarFunction Add(SqlType[] parameters, SqlType returnType, ScalarKernel kernel, bool propagatesNulls = true, bool deterministic = true) =>
        Add(new ScalarOverload(parameters, returnType, kernel, PropagatesNulls: propagatesNulls, Deterministic: deterministic));

    public override BoundScalarFunction? Bind(IReadOnlyList<SqlType> argumentTypes)
    {
        // Exact signatures first, then the type-computing overloads, then Trino's implicit coercions.
        foreach (var o in _overloads)
        {
            if (o.Resolve is null && Matches(o, argumentTypes, exact: true) is { } parameters)
            {
                return new Bound(Name, parameters, o.ReturnType, o);
            }
        }

        foreach (var o in _overloads)
        {
            if (o.Resolve?.Invoke(argumentTypes) is { } resolved)
            {
                return new Bound(Name, resolved.Parameters, resolved.ReturnType, o);
            }
        }

        foreach (var o in _overloads)
        {
            if (o.Resolve is null && Matches(o, argumentTypes, exact: false) is { } parameters)
            {
                return new Bound(Name, parameters, o.ReturnType, o);
            }
        }

        return null;
    }

    private static SqlType[]? Matches(ScalarOverload o, IReadOnlyList<SqlType> args, bool exact)
    {
        var n = o.Parameters.Count;
        if (o.Variadic ? args.Count < n - 1 : args.Count != n)
        {
            return null;
        }

        var parameters = new SqlType[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            var p = o.Parameters[Math.Min(i, n - 1)];
            if (exact ? args[i] != p : !SqlType.CanCoerce(args[i], p))
            {
                return null;
            }

            parameters[i] = p;
        }

        return parameters;
    }

    private string Describe(ScalarOverload o) => o.Signature
        ?? $"{Name}({string.Join(", ", o.Parameters)}{(o.Variadic ? ", …" : string.Empty)}) → {o.ReturnType}";

    private sealed class Bound(string name, IReadOnlyList<SqlType> parameters, SqlType returnType, ScalarOverload overload)
        : BoundScalarFunction(name, parameters, returnType, overload.Deterministic, overload.PropagatesNulls)
    {
        public override ColumnVector Invoke(ReadOnlySpan<ColumnVector> arguments, int rowCount, FunctionContext context)
        {
            if (overload.PropagatesNulls)
            {
                foreach (var a in arguments)
                {
                    if (a.IsConstant && a.IsAllNull)
                    {
                        return ColumnVector.Null(ReturnType, rowCount);
                    }
                }
            }

            return overload.Kernel(arguments, rowCount, context, ReturnType);
        }
    }
}
