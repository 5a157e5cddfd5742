using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;

namespace Lakehouse.Table.Transforms;

/// <summary>
/// A partition (or sort) transform: identity, bucket[N], truncate[W], year, month, day, hour, void, or an
/// unknown transform kept by name. Applies to one value (<see cref="Apply(object?, PrimitiveType)"/>) or to a
/// whole Arrow array (<see cref="Apply(ArrowArray, PrimitiveType)"/>, the hot path: typed loops over spans,
/// no per-row allocation; the result shares the input's validity bitmap).
/// </summary>
public abstract class Transform : IEquatable<Transform>
{
    public static IdentityTransform Identity { get; } = new();

    public static VoidTransform Void { get; } = new();

    public static DateTimeTransform Year { get; } = new(DatePart.Year);

    public static DateTimeTransform Month { get; } = new(DatePart.Month);

    public static DateTimeTransform Day { get; } = new(DatePart.Day);

    public static DateTimeTransform Hour { get; } = new(DatePart.Hour);

    /// <summary>False for transforms this implementation does not know (they are ignored for filtering).</summary>
    public virtual bool IsKnown => true;

    /// <summary>True when a &lt;= b implies t(a) &lt;= t(b) (needed for range projections and sort order).</summary>
    public virtual bool PreservesOrder => false;

    public static BucketTransform Bucket(int numBuckets) => new(numBuckets);

    public static TruncateTransform Truncate(int width) => new(width);

    /// <summary>Parses "identity", "bucket[16]", "truncate[4]", "year", "month", "day", "hour", "void"; anything else is an <see cref="UnknownTransform"/>.</summary>
    public static Transform Parse(string text)
    {
        var s = text.Trim();
        switch (s.ToLowerInvariant())
        {
            case "identity": return Identity;
            case "void": return Void;
            case "year": return Year;
            case "month": return Month;
            case "day": return Day;
            case "hour": return Hour;
            default: break;
        }

        if (TryParameter(s, "bucket", out var n))
        {
            return n > 0 ? Bucket(n) : throw IcebergException.Invalid($"invalid transform '{text}': bucket count must be positive");
        }

        if (TryParameter(s, "truncate", out var w))
        {
            return w > 0 ? Truncate(w) : throw IcebergException.Invalid($"invalid transform '{text}': truncate width must be positive");
        }

        return new UnknownTransform(s);
    }

    /// <summary>Whether this transform accepts values of <paramref name="source"/>.</summary>
    public abstract bool CanTransform(PrimitiveType source);

    /// <summary>The type of the transformed values.</summary>
    public abstract PrimitiveType ResultType(PrimitiveType source);

    /// <summary>Transforms one value (representation per <see cref="Literals"/>); null gives null.</summary>
    public abstract object? Apply(object? value, PrimitiveType source);

    /// <summary>Transforms an Arrow array of <paramref name="source"/> values into an array of <see cref="ResultType"/>.</summary>
    public abstract ArrowArray Apply(ArrowArray values, PrimitiveType source);

    /// <summary>The human-readable form of a transformed value (used in partition paths).</summary>
    public virtual string ToHumanString(object? value, PrimitiveType source) => Literals.ToHumanString(value, ResultType(source));

    public abstract override string ToString();

    public bool Equals(Transform? other) => other is not null && string.Equals(other.ToString(), ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Transform t && Equals(t);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    protected void EnsureCanTransform(PrimitiveType source)
    {
        if (!CanTransform(source))
        {
            throw IcebergException.Invalid($"transform {this} cannot be applied to {source}");
        }
    }

    /// <summary>A new array of <paramref name="type"/> with the input's length, offset and validity, and a zeroed values buffer.</summary>
    protected static Memory<byte> AllocateLike(ArrowArray input, int bytesPerValue) =>
        BufferAllocator.Allocate(checked((input.Offset + input.Length) * bytesPerValue));

    protected static ArrowArray WrapLike(ArrowArray input, ArrowType type, Memory<byte> values) =>
        ArrowArray.Create(new ArrayData(type, input.Length, input.Data.NullCount, input.Offset, [input.Data.Validity, new ArrowBuffer(values)]));

    protected static IcebergException UnsupportedArray(ArrowArray values, Transform t) =>
        IcebergException.NotSupported($"applying {t} to Arrow arrays of type {values.Type}");

    private static bool TryParameter(string s, string name, out int value)
    {
        value = 0;
        if (!s.StartsWith(name, StringComparison.OrdinalIgnoreCase) || s.Length < name.Length + 3 || s[name.Length] != '[' || s[^1] != ']')
        {
            return false;
        }

        return int.TryParse(s.AsSpan(name.Length + 1, s.Length - name.Length - 2).Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
