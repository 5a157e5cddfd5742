using System.Text;
using System.Text.Json;

namespace Lakehouse.Ingest.Decoding;

/// <summary>
/// A node of the trie of mapped JSON paths: member name (UTF-8), the column that ends here (or -1), and
/// the members below it. The scan walks it in step with the reader, so unmapped members are skipped
/// without being decoded.
/// </summary>
internal sealed class PathNode
{
    private readonly List<PathNode> _children = [];

    public PathNode(string name, string displayPath)
    {
        Name = Encoding.UTF8.GetBytes(name);
        DisplayPath = displayPath;
    }

    public byte[] Name { get; }

    public string DisplayPath { get; }

    public int Column { get; set; } = -1;

    public bool HasChildren => _children.Count > 0;

    public PathNode GetOrAdd(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        foreach (var c in _children)
        {
            if (c.Name.AsSpan().SequenceEqual(bytes))
            {
                return c;
            }
        }

        var child = new PathNode(name, DisplayPath + "." + name);
        _children.Add(child);
        return child;
    }

    /// <summary>The child named by the property name the reader is on, or null.</summary>
    public PathNode? Find(ref Utf8JsonReader reader)
    {
        if (_children.Count == 0)
        {
            return null;
        }

        if (!reader.ValueIsEscaped)
        {
            var name = reader.ValueSpan;
            foreach (var c in _children)
            {
                if (name.SequenceEqual(c.Name))
                {
                    return c;
                }
            }

            return null;
        }

        foreach (var c in _children)
        {
            if (reader.ValueTextEquals(c.Name))
            {
                return c;
            }
        }

        return null;
    }
}
