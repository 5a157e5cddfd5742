namespace Lakehouse.Table.Values;

/// <summary>A map value (used for defaults): parallel key and value arrays.</summary>
public sealed record MapValue(IReadOnlyList<object?> Keys, IReadOnlyList<object?> Values);
