namespace Lakehouse.Ingest.Decoding;

/// <summary>The names stored in the dead-letter <c>error_kind</c> column.</summary>
public static class DeadLetterKinds
{
    public static string Name(DeadLetterKind kind) => kind switch
    {
        DeadLetterKind.InvalidJson => "invalid_json",
        DeadLetterKind.InvalidUtf8 => "invalid_utf8",
        DeadLetterKind.WrongType => "wrong_type",
        DeadLetterKind.MissingRequired => "missing_required",
        DeadLetterKind.Oversize => "oversize",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
