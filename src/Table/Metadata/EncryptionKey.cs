namespace Lakehouse.Table.Metadata;

/// <summary>A v3 table encryption key entry (parsed and preserved; encryption itself is not supported).</summary>
public sealed class EncryptionKey : IEquatable<EncryptionKey>
{
    public required string KeyId { get; init; }

    /// <summary>Base64 encrypted key and metadata.</summary>
    public required string EncryptedKeyMetadata { get; init; }

    public string? EncryptedById { get; init; }

    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    public bool Equals(EncryptionKey? other) =>
        other is not null && string.Equals(other.KeyId, KeyId, StringComparison.Ordinal)
        && string.Equals(other.EncryptedKeyMetadata, EncryptedKeyMetadata, StringComparison.Ordinal)
        && string.Equals(other.EncryptedById, EncryptedById, StringComparison.Ordinal) && Equality.Maps(other.Properties, Properties);

    public override bool Equals(object? obj) => obj is EncryptionKey k && Equals(k);

    public override int GetHashCode() => KeyId.GetHashCode(StringComparison.Ordinal);
}
