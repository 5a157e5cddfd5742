namespace Lakehouse.Table.Catalog;

/// <summary>A catalog namespace: one or more levels, written joined with '.' (as the Iceberg SQL catalog stores them).</summary>
public sealed class Namespace : IEquatable<Namespace>
{
    public static readonly Namespace Empty = new([]);

    public Namespace(IReadOnlyList<string> levels)
    {
        foreach (var level in levels)
        {
            if (string.IsNullOrEmpty(level))
            {
                throw IcebergException.Invalid("namespace levels must not be empty");
            }
        }

        Levels = levels;
    }

    public IReadOnlyList<string> Levels { get; }

    public bool IsEmpty => Levels.Count == 0;

    /// <summary>Parses "a.b.c" into three levels ("" is the empty namespace).</summary>
    public static Namespace Parse(string text) => text.Length == 0 ? Empty : new Namespace(text.Split('.'));

    public static Namespace Of(params string[] levels) => new(levels);

    public bool Equals(Namespace? other) => other is not null && Levels.SequenceEqual(other.Levels, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Namespace);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var level in Levels)
        {
            hash.Add(level, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The levels joined with '.', the form the SQL catalog stores.</summary>
    public override string ToString() => string.Join('.', Levels);
}
