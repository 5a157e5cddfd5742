using System.Collections;
using System.Runtime.CompilerServices;

namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>
/// An immutable list of syntax children with structural equality (so records holding lists compare by
/// content). <c>default</c> is the empty list.
/// </summary>
[CollectionBuilder(typeof(SyntaxList), nameof(SyntaxList.Create))]
public readonly struct SyntaxList<T> : IReadOnlyList<T>, IEquatable<SyntaxList<T>>
{
    private readonly T[]? _items;

    internal SyntaxList(T[] items)
    {
        _items = items;
    }

    public int Count => _items?.Length ?? 0;

    public bool IsEmpty => Count == 0;

    public T this[int index] => (_items ?? [])[index];

    public ReadOnlySpan<T> AsSpan() => _items;

    public static bool operator ==(SyntaxList<T> left, SyntaxList<T> right) => left.Equals(right);

    public static bool operator !=(SyntaxList<T> left, SyntaxList<T> right) => !left.Equals(right);

    public bool Equals(SyntaxList<T> other)
    {
        var a = AsSpan();
        var b = other.AsSpan();
        if (a.Length != b.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is SyntaxList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items ?? []) + "]";

    public ReadOnlySpan<T>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();
}
