using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow;

/// <summary>A named, typed column or child, with nullability and ordered custom metadata.</summary>
public sealed class Field : IEquatable<Field>
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> s_noMetadata = [];

    public Field(string name, ArrowType type, bool isNullable = true, IReadOnlyList<KeyValuePair<string, string>>? metadata = null, long? dictionaryId = null)
    {
        Name = name;
        Type = type;
        IsNullable = isNullable;
        Metadata = metadata ?? s_noMetadata;
        DictionaryId = dictionaryId;
    }

    public string Name { get; }

    public ArrowType Type { get; }

    public bool IsNullable { get; }

    /// <summary>Custom key/value metadata in declaration order (keys may repeat only if the producer did so).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }

    /// <summary>For dictionary-encoded fields read from or written to IPC: the stream's dictionary id.</summary>
    public long? DictionaryId { get; }

    public string? GetMetadata(string key)
    {
        foreach (var kv in Metadata)
        {
            if (string.Equals(kv.Key, key, StringComparison.Ordinal))
            {
                return kv.Value;
            }
        }

        return null;
    }

    public Field WithName(string name) => new(name, Type, IsNullable, Metadata, DictionaryId);

    public Field WithType(ArrowType type) => new(Name, type, IsNullable, Metadata, DictionaryId);

    public Field WithNullable(bool nullable) => new(Name, Type, nullable, Metadata, DictionaryId);

    public Field WithMetadata(IReadOnlyList<KeyValuePair<string, string>>? metadata) => new(Name, Type, IsNullable, metadata, DictionaryId);

    public Field WithDictionaryId(long? id) => new(Name, Type, IsNullable, Metadata, id);

    /// <summary>Structural equality: name, type, nullability and metadata (dictionary ids are stream-local and ignored).</summary>
    public bool Equals(Field? other) =>
        other is not null
        && string.Equals(other.Name, Name, StringComparison.Ordinal)
        && other.IsNullable == IsNullable
        && other.Type.Equals(Type)
        && MetadataEquals(other.Metadata, Metadata);

    public override bool Equals(object? obj) => obj is Field f && Equals(f);

    public override int GetHashCode() => HashCode.Combine(Name, Type, IsNullable);

    public override string ToString() => $"{Name}: {Type}{(IsNullable ? string.Empty : " not null")}";

    internal static bool ListEquals(IReadOnlyList<Field> a, IReadOnlyList<Field> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool MetadataEquals(IReadOnlyList<KeyValuePair<string, string>> a, IReadOnlyList<KeyValuePair<string, string>> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal) || !string.Equals(a[i].Value, b[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
