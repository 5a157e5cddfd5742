using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions;

/// <summary>
/// A scalar function by name; one instance may cover several overloads. <see cref="Bind"/> picks the
/// overload for the actual argument types (the binder then inserts casts to the bound argument types).
/// </summary>
public abstract class ScalarFunction
{
    protected ScalarFunction(string name, string description = "")
    {
        Name = name.ToLowerInvariant();
        Description = description;
    }

    /// <summary>Lower-case function name.</summary>
    public string Name { get; }

    public string Description { get; }

    /// <summary>Human-readable signatures for SHOW FUNCTIONS, e.g. <c>lower(varchar) → varchar</c>.</summary>
    public virtual IReadOnlyList<string> Signatures => [$"{Name}(…)"];

    /// <summary>The overload for <paramref name="argumentTypes"/>, or null when none applies.</summary>
    public abstract BoundScalarFunction? Bind(IReadOnlyList<SqlType> argumentTypes);
}
