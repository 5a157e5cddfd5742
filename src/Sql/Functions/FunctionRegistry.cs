using Lakehouse.Sql.Functions.Core;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions;

/// <summary>
/// Scalar and aggregate functions by lower-case name. Several registrations under one name are overloads,
/// tried in registration order. Window-only functions (row_number, rank, lag…) are the window operator's
/// and appear here only for SHOW FUNCTIONS.
/// </summary>
public sealed class FunctionRegistry
{
    private static readonly string[] s_windowFunctions =
        ["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value"];

    private readonly Dictionary<string, List<ScalarFunction>> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AggregateFunction>> _aggregates = new(StringComparer.Ordinal);

    /// <summary>A registry with every built-in function (engine core + the function library).</summary>
    public static FunctionRegistry CreateDefault()
    {
        var registry = new FunctionRegistry();
        CoreFunctions.Register(registry);
        LibraryFunctions.Register(registry);
        return registry;
    }

    /// <summary>The names of window-only functions.</summary>
    public static IReadOnlyList<string> WindowFunctionNames => s_windowFunctions;

    public void Register(ScalarFunction function)
    {
        if (!_scalars.TryGetValue(function.Name, out var list))
        {
            _scalars[function.Name] = list = [];
        }

        list.Add(function);
    }

    public void Register(AggregateFunction function)
    {
        if (!_aggregates.TryGetValue(function.Name, out var list))
        {
            _aggregates[function.Name] = list = [];
        }

        list.Add(function);
    }

    public bool IsScalar(string name) => _scalars.ContainsKey(name.ToLowerInvariant());

    public bool IsAggregate(string name) => _aggregates.ContainsKey(name.ToLowerInvariant());

    public static bool IsWindowFunction(string name) => Array.IndexOf(s_windowFunctions, name.ToLowerInvariant()) >= 0;

    /// <summary>Binds a scalar function or throws a binder error naming the function and argument types.</summary>
    public BoundScalarFunction ResolveScalar(string name, IReadOnlyList<SqlType> argumentTypes)
    {
        var key = name.ToLowerInvariant();
        if (_scalars.TryGetValue(key, out var overloads))
        {
            foreach (var f in overloads)
            {
                if (f.Bind(argumentTypes) is { } bound)
                {
                    return bound;
                }
            }

            throw new SqlException(SqlErrorKind.Binder, $"no function matches {key}({string.Join(", ", argumentTypes)}); candidates: {string.Join("; ", overloads.SelectMany(o => o.Signatures))}");
        }

        throw new SqlException(SqlErrorKind.Binder, $"function \"{key}\" does not exist{Suggestion(key)}");
    }

    /// <summary>Binds an aggregate or throws a binder error.</summary>
    public BoundAggregateFunction ResolveAggregate(string name, IReadOnlyList<SqlType> argumentTypes, bool distinct)
    {
        var key = name.ToLowerInvariant();
        if (_aggregates.TryGetValue(key, out var overloads))
        {
            foreach (var f in overloads)
            {
                if (f.Bind(argumentTypes, distinct) is { } bound)
                {
                    return bound;
                }
            }

            throw new SqlException(SqlErrorKind.Binder, $"no aggregate matches {key}({string.Join(", ", argumentTypes)}); candidates: {string.Join("; ", overloads.SelectMany(o => o.Signatures))}");
        }

        throw new SqlException(SqlErrorKind.Binder, $"aggregate function \"{key}\" does not exist{Suggestion(key)}");
    }

    /// <summary>Every function for SHOW FUNCTIONS, sorted by name.</summary>
    public IReadOnlyList<FunctionInfo> List()
    {
        var list = new List<FunctionInfo>();
        foreach (var (_, fs) in _scalars)
        {
            foreach (var f in fs)
            {
                list.AddRange(f.Signatures.Select(s => new FunctionInfo(f.Name, FunctionKind.Scalar, s, f.Description)));
            }
        }

        foreach (var (_, fs) in _aggregates)
        {
            foreach (var f in fs)
            {
                list.AddRange(f.Signatures.Select(s => new FunctionInfo(f.Name, FunctionKind.Aggregate, s, f.Description)));
            }
        }

        list.AddRange(s_windowFunctions.Select(n => new FunctionInfo(n, FunctionKind.Window, $"{n}(…)", "window function")));
        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var c && c != 0 ? c : string.CompareOrdinal(a.Signature, b.Signature));
        return list;
    }

    private string Suggestion(string name)
    {
        var best = NameSuggester.Closest(name, _scalars.Keys.Concat(_aggregates.Keys).Concat(s_windowFunctions));
        return best is null ? string.Empty : $"; did you mean \"{best}\"?";
    }
}
