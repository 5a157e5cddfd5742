namespace Lakehouse.Arrow;

/// <summary>How <see cref="ArrayComparer"/> decides that two arrays hold the same values.</summary>
public sealed record ArrayComparisonOptions
{
    public static ArrayComparisonOptions Default { get; } = new();

    /// <summary>
    /// Compare dictionary-encoded arrays by their decoded values (so a dictionary column equals a plain one).
    /// Default true. When false, dictionary types must match, indices must be equal, and the dictionaries of
    /// the compared arrays themselves are compared as arrays (nested dictionary arrays: indices only).
    /// </summary>
    public bool DecodeDictionaries { get; init; } = true;

    /// <summary>Treat NaN as equal to NaN (any payload). Default true.</summary>
    public bool NaNEqualsNaN { get; init; } = true;

    /// <summary>
    /// Treat layouts of the same logical kind as one type: utf8 / large_utf8 / utf8_view, binary / large_binary /
    /// binary_view, list / large_list / list_view. Default false (the types must match).
    /// </summary>
    public bool IgnoreLayout { get; init; }

    /// <summary>Require equal field names in record batch schemas and struct types. Default true.</summary>
    public bool CompareFieldNames { get; init; } = true;

    /// <summary>Maximum absolute difference for floating-point values to count as equal. Default 0 (exact).</summary>
    public double FloatTolerance { get; init; }
}
