namespace Lakehouse.Ingest.Decoding;

/// <summary>The result of decoding one message: a good row, or a dead letter with kind, path and message.</summary>
public readonly record struct DecodeOutcome(bool IsGood, DeadLetterKind Kind, string? Path, string? Message)
{
    public static DecodeOutcome Good => new(true, default, null, null);

    public static DecodeOutcome Dead(DeadLetterKind kind, string? path, string message) => new(false, kind, path, message);
}
