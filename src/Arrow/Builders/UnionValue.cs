namespace Lakehouse.Arrow.Builders;

/// <summary>A value for <see cref="ArrayBuilder.AppendObject"/> on a union: which child (by index) and its value.</summary>
public readonly record struct UnionValue(int ChildIndex, object? Value);
