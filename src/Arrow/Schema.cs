using System.Text;

namespace Lakehouse.Arrow;

/// <summary>The top-level fields of a record batch stream plus schema-level custom metadata.</summary>
public sealed class Schema : IEquatable<Schema>
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> s_noMetadata = [];

    public Schema(IReadOnlyList<Field> fields, IReadOnlyList<KeyValuePair<string, string>>? metadata = null)
    {
        Fields = fields;
        Metadata = metadata ?? s_noMetadata;
    }

    public IReadOnlyList<Field> Fields { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }

    public int Count => Fields.Count;

    public Field this[int index] => Fields[index];

    /// <summary>Index of the first field named <paramref name="name"/> (ordinal), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

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

    public bool Equals(Schema? other) =>
        other is not null && Field.ListEquals(other.Fields, Fields) && Field.MetadataEquals(other.Metadata, Metadata);

    public override bool Equals(object? obj) => obj is Schema s && Equals(s);

    public override int GetHashCode() => Fields.Count;

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var f in Fields)
        {
            sb.Append(f.ToString()).Append('\n');
        }

        return sb.ToString();
    }
}
