namespace Lakehouse.Arrow.Ipc;

/// <summary>Options for the IPC readers.</summary>
public sealed record ArrowReadOptions
{
    public static ArrowReadOptions Default { get; } = new();

    /// <summary>
    /// Run full validation on every record batch and dictionary (offsets, child lengths, union codes,
    /// dictionary indices, view references). On by default; turn off only for trusted input.
    /// UTF-8 validity of string columns is checked only with <see cref="ValidateUtf8"/>.
    /// </summary>
    public bool Validate { get; init; } = true;

    /// <summary>
    /// Also require every string value to be valid UTF-8 (off by default: it costs a pass over all string
    /// bytes, and string accessors decode invalid bytes with replacement characters, which is safe).
    /// </summary>
    public bool ValidateUtf8 { get; init; }

    /// <summary>Largest single decompressed buffer (guards against corrupt length prefixes).</summary>
    public long MaxDecompressedBufferBytes { get; init; } = 1L << 30;

    /// <summary>Name used in error messages (file name or description).</summary>
    public string? SourceName { get; init; }
}
