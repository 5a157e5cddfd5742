namespace Lakehouse.Table;

/// <summary>
/// The one exception type of the table layer. <see cref="Kind"/> says whether the input is invalid
/// (a metadata file missing a required field, a bad transform string...), uses a feature we do not
/// support yet (message starts with "not supported: "), or a caller asked for something impossible.
/// </summary>
public sealed class IcebergException : Exception
{
    public IcebergException(IcebergErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public IcebergException()
    {
    }

    public IcebergException(string message)
        : base(message)
    {
    }

    public IcebergException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IcebergErrorKind Kind { get; } = IcebergErrorKind.Invalid;

    /// <summary>A feature the spec defines but we cannot handle yet; the message is "not supported: {feature}".</summary>
    public static IcebergException NotSupported(string feature) => new(IcebergErrorKind.NotSupported, "not supported: " + feature);

    public static IcebergException Invalid(string message, Exception? inner = null) => new(IcebergErrorKind.Invalid, message, inner);

    /// <summary>A metadata file that breaks the spec: names the file and the JSON field.</summary>
    public static IcebergException InvalidMetadata(string? file, string field, string problem, Exception? inner = null) =>
        new(IcebergErrorKind.InvalidMetadata, $"Invalid table metadata{(file is null ? string.Empty : " " + file)}: field '{field}' {problem}", inner);
}
