namespace Lakehouse.Table.Expressions;

/// <summary>
/// The manifest list's summary of one partition field over a manifest: whether any value is null or NaN,
/// and the lower/upper bound of the non-null values (binary single-value form of the partition type).
/// </summary>
public sealed record PartitionFieldSummary(bool ContainsNull, bool? ContainsNaN, byte[]? LowerBound, byte[]? UpperBound);
