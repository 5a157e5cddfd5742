using System.Globalization;

namespace Lakehouse.Table.Types;

/// <summary>
/// An Iceberg primitive type. Parameterless types are singletons (<see cref="Int"/>, <see cref="String"/>...);
/// decimal(P,S), fixed[L], geometry(C) and geography(C, A) carry their parameters.
/// </summary>
public sealed class PrimitiveType : IcebergType
{
    public const string DefaultCrs = "OGC:CRS84";
    public const string DefaultEdgeAlgorithm = "spherical";

    private PrimitiveType(TypeId id, int precision = 0, int scale = 0, int length = 0, string? crs = null, string? algorithm = null)
    {
        TypeId = id;
        Precision = precision;
        Scale = scale;
        Length = length;
        Crs = crs;
        EdgeAlgorithm = algorithm;
    }

    public static PrimitiveType Unknown { get; } = new(TypeId.Unknown);
    public static PrimitiveType Boolean { get; } = new(TypeId.Boolean);
    public static PrimitiveType Int { get; } = new(TypeId.Int);
    public static PrimitiveType Long { get; } = new(TypeId.Long);
    public static PrimitiveType Float { get; } = new(TypeId.Float);
    public static PrimitiveType Double { get; } = new(TypeId.Double);
    public static PrimitiveType Date { get; } = new(TypeId.Date);
    public static PrimitiveType Time { get; } = new(TypeId.Time);
    public static PrimitiveType Timestamp { get; } = new(TypeId.Timestamp);
    public static PrimitiveType TimestampTz { get; } = new(TypeId.TimestampTz);
    public static PrimitiveType TimestampNs { get; } = new(TypeId.TimestampNs);
    public static PrimitiveType TimestampTzNs { get; } = new(TypeId.TimestampTzNs);
    public static PrimitiveType String { get; } = new(TypeId.String);
    public static PrimitiveType Uuid { get; } = new(TypeId.Uuid);
    public static PrimitiveType Binary { get; } = new(TypeId.Binary);
    public static PrimitiveType Variant { get; } = new(TypeId.Variant);

    public override TypeId TypeId { get; }

    /// <summary>Decimal precision (1..38).</summary>
    public int Precision { get; }

    /// <summary>Decimal scale.</summary>
    public int Scale { get; }

    /// <summary>Byte length of fixed[L].</summary>
    public int Length { get; }

    /// <summary>CRS of geometry/geography (null when the default <see cref="DefaultCrs"/> was implied).</summary>
    public string? Crs { get; }

    /// <summary>Edge-interpolation algorithm of geography (null when the default was implied).</summary>
    public string? EdgeAlgorithm { get; }

    /// <summary>True for timestamp, timestamptz, timestamp_ns and timestamptz_ns.</summary>
    public bool IsTimestamp => TypeId is TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs;

    /// <summary>True for the nanosecond timestamps (values are nanoseconds instead of microseconds).</summary>
    public bool IsNanos => TypeId is TypeId.TimestampNs or TypeId.TimestampTzNs;

    /// <summary>True for the types whose values can be read from data files by this implementation.</summary>
    public bool IsReadable => TypeId is not (TypeId.Variant or TypeId.Geometry or TypeId.Geography or TypeId.Unknown);

    public static PrimitiveType Decimal(int precision, int scale)
    {
        if (precision < 1 || precision > 38)
        {
            throw IcebergException.Invalid($"decimal precision must be 1..38, got {precision}");
        }

        return new PrimitiveType(TypeId.Decimal, precision, scale);
    }

    public static PrimitiveType Fixed(int length)
    {
        if (length < 0)
        {
            throw IcebergException.Invalid($"fixed length must not be negative, got {length}");
        }

        return new PrimitiveType(TypeId.Fixed, length: length);
    }

    public static PrimitiveType Geometry(string? crs = null) => new(TypeId.Geometry, crs: crs);

    public static PrimitiveType Geography(string? crs = null, string? algorithm = null) => new(TypeId.Geography, crs: crs, algorithm: algorithm);

    /// <summary>Throws "not supported: ..." when values of this type cannot be read yet.</summary>
    public void EnsureReadable(string? column = null)
    {
        if (!IsReadable)
        {
            var where = column is null ? string.Empty : $" (column '{column}')";
            throw IcebergException.NotSupported($"reading {this} values{where}");
        }
    }

    /// <summary>Parses a type string of Appendix C, accepting whitespace around parameters (e.g. "decimal(9, 2)").</summary>
    public static PrimitiveType Parse(string text)
    {
        var s = text.Trim();
        switch (s)
        {
            case "unknown": return Unknown;
            case "boolean": return Boolean;
            case "int": return Int;
            case "long": return Long;
            case "float": return Float;
            case "double": return Double;
            case "date": return Date;
            case "time": return Time;
            case "timestamp": return Timestamp;
            case "timestamptz": return TimestampTz;
            case "timestamp_ns": return TimestampNs;
            case "timestamptz_ns": return TimestampTzNs;
            case "string": return String;
            case "uuid": return Uuid;
            case "binary": return Binary;
            case "variant": return Variant;
            case "geometry": return Geometry();
            case "geography": return Geography();
            default: break;
        }

        if (TryParameters(s, "fixed", '[', ']', out var fixedArgs) && fixedArgs.Length == 1 && TryInt(fixedArgs[0], out var len))
        {
            return Fixed(len);
        }

        if (TryParameters(s, "decimal", '(', ')', out var decArgs) && decArgs.Length == 2 && TryInt(decArgs[0], out var p) && TryInt(decArgs[1], out var sc))
        {
            return Decimal(p, sc);
        }

        if (TryParameters(s, "geometry", '(', ')', out var geomArgs) && geomArgs.Length == 1)
        {
            return Geometry(geomArgs[0]);
        }

        if (TryParameters(s, "geography", '(', ')', out var geoArgs) && geoArgs.Length is 1 or 2)
        {
            return Geography(geoArgs[0], geoArgs.Length == 2 ? geoArgs[1] : null);
        }

        throw IcebergException.Invalid($"unknown Iceberg type '{text}'");
    }

    public override bool Equals(IcebergType? other) =>
        other is PrimitiveType p && p.TypeId == TypeId && p.Precision == Precision && p.Scale == Scale && p.Length == Length
        && string.Equals(p.Crs ?? DefaultCrs, Crs ?? DefaultCrs, StringComparison.Ordinal)
        && string.Equals(p.EdgeAlgorithm ?? DefaultEdgeAlgorithm, EdgeAlgorithm ?? DefaultEdgeAlgorithm, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(TypeId, Precision, Scale, Length);

    public override string ToString() => TypeId switch
    {
        TypeId.Unknown => "unknown",
        TypeId.Boolean => "boolean",
        TypeId.Int => "int",
        TypeId.Long => "long",
        TypeId.Float => "float",
        TypeId.Double => "double",
        TypeId.Decimal => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})"),
        TypeId.Date => "date",
        TypeId.Time => "time",
        TypeId.Timestamp => "timestamp",
        TypeId.TimestampTz => "timestamptz",
        TypeId.TimestampNs => "timestamp_ns",
        TypeId.TimestampTzNs => "timestamptz_ns",
        TypeId.String => "string",
        TypeId.Uuid => "uuid",
        TypeId.Fixed => string.Create(CultureInfo.InvariantCulture, $"fixed[{Length}]"),
        TypeId.Binary => "binary",
        TypeId.Variant => "variant",
        TypeId.Geometry => Crs is null ? "geometry" : $"geometry({Crs})",
        TypeId.Geography => Crs is null && EdgeAlgorithm is null ? "geography"
            : EdgeAlgorithm is null ? $"geography({Crs})" : $"geography({Crs ?? DefaultCrs}, {EdgeAlgorithm})",
        _ => TypeId.ToString(),
    };

    private static bool TryParameters(string s, string name, char open, char close, out string[] args)
    {
        args = [];
        if (!s.StartsWith(name, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = s.AsSpan(name.Length).Trim();
        if (rest.Length < 2 || rest[0] != open || rest[^1] != close)
        {
            return false;
        }

        var parts = rest[1..^1].ToString().Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim();
        }

        args = parts;
        return true;
    }

    private static bool TryInt(string s, out int value) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
