namespace Lakehouse.Sql.Functions;

/// <summary>
/// Registers the function library (string, math, date/time, JSON, regex, hashing, approximate aggregates).
/// Owned by the function library; the engine core registers its own few functions in <c>Core/CoreFunctions</c>.
/// </summary>
public static class LibraryFunctions
{
    public static void Register(FunctionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
    }
}
