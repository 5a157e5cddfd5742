namespace Lakehouse.Ingest.Generation;

/// <summary>The kinds of broken messages <see cref="SocialJsonGenerator"/> emits (one per dead-letter kind).</summary>
public enum MalformedKind
{
    None,

    /// <summary>The JSON text is cut off in the middle.</summary>
    InvalidJson,

    /// <summary>A byte 0xFF (never valid in UTF-8) inside the post text.</summary>
    InvalidUtf8,

    /// <summary><c>likes</c> is a string instead of a number.</summary>
    WrongType,

    /// <summary><c>event_id</c> is absent.</summary>
    MissingRequired,

    /// <summary>The text is padded past <see cref="SocialJsonGenerator.OversizeBytes"/>.</summary>
    Oversize,
}
