namespace Lakehouse.Sql.Functions.Core;

/// <summary>The few functions the engine core provides itself (the rest is the function library's).</summary>
public static class CoreFunctions
{
    public static void Register(FunctionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(new CountFunction());
        registry.Register(new SumFunction());
        registry.Register(new AvgFunction());
        registry.Register(new MinMaxFunction("min", isMax: false));
        registry.Register(new MinMaxFunction("max", isMax: true));
        registry.Register(new CoalesceFunction());
        registry.Register(new AbsFunction());
    }
}
