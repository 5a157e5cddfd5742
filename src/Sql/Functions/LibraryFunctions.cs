using Lakehouse.Sql.Functions.Library;

namespace Lakehouse.Sql.Functions;

/// <summary>
/// Registers the function library (string, math, date/time, JSON, regex, hashing, approximate aggregates).
/// Owned by the function library; the engine core registers its own few functions in <c>Core/CoreFunctions</c>.
/// The kernels live in the family folders (Strings, Temporal, Json, …); <c>Library/</c> binds them to SQL types.
/// </summary>
public static class LibraryFunctions
{
    public static void Register(FunctionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        StringLibrary.Register(registry);
        RegexLibrary.Register(registry);
        HashingLibrary.Register(registry);
        JsonLibrary.Register(registry);
        MathLibrary.Register(registry);
        ConditionalLibrary.Register(registry);
        TemporalLibrary.Register(registry);
        Aggregates.AggregateLibrary.Register(registry);
    }
}
