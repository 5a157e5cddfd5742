using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Binding;

/// <summary>What the binder needs from the session: functions, pre-resolved sources, parameters, defaults.</summary>
public sealed class BinderContext
{
    public required FunctionRegistry Functions { get; init; }

    public required FunctionContext FunctionContext { get; init; }

    /// <summary>Sources resolved before binding (table names and table functions), by their key.</summary>
    public Dictionary<string, ScanSource> Sources { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Errors met while resolving a source, reported when the binder reaches it.</summary>
    public Dictionary<string, SqlException> SourceErrors { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Parameter values when executing; null when preparing.</summary>
    public IReadOnlyList<object?>? Parameters { get; init; }

    public string Catalog { get; init; } = "lakehouse";

    public string Schema { get; init; } = "default";

    public bool HasCatalog { get; init; }
}
