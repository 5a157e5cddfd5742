namespace Lakehouse.Ingest.Decoding;

/// <summary>Why a message went to the dead-letter table (stored as the snake_case name, see <see cref="DeadLetterKinds"/>).</summary>
public enum DeadLetterKind
{
    /// <summary>The value is not one well-formed JSON object (truncated, trailing data, not an object, empty).</summary>
    InvalidJson,

    /// <summary>The value is not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A mapped field holds a value of another JSON type, or one the column type cannot hold (overflow, bad timestamp).</summary>
    WrongType,

    /// <summary>A required field is absent or null.</summary>
    MissingRequired,

    /// <summary>The value is larger than the configured maximum message size.</summary>
    Oversize,
}
