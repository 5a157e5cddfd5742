using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>
/// One overload of a library function: parameter types (the last repeated when <see cref="Variadic"/>), the
/// return type, and the kernel. <see cref="Resolve"/>, when set, computes parameter and return types from the
/// actual argument types (generic functions such as greatest(T, …) or round(decimal(p,s), integer)).
/// </summary>
public sealed record ScalarOverload(
    IReadOnlyList<SqlType> Parameters,
    SqlType ReturnType,
    ScalarKernel Kernel,
    bool Variadic = false,
    bool PropagatesNulls = true,
    bool Deterministic = true,
    Func<IReadOnlyList<SqlType>, (SqlType[] Parameters, SqlType ReturnType)?>? Resolve = null,
    string? Signature = null);
