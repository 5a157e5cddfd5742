using Lakehouse.Arrow.Types;

namespace Lakehouse.Ingest.Decoding;

/// <summary>
/// One mapped column: the JSON path it comes from (<c>user.id</c> or <c>$.user.id</c>: object member names
/// separated by dots), its type, and whether a message without it is a dead letter.
/// </summary>
public sealed record ColumnMapping
{
    public ColumnMapping(string name, string path, JsonColumnType type, bool required = false)
    {
        Name = name;
        Path = path;
        Type = type;
        Required = required;
    }

    public string Name { get; init; }

    public string Path { get; init; }

    public JsonColumnType Type { get; init; }

    public bool Required { get; init; }

    /// <summary>For <see cref="JsonColumnType.Timestamp"/>: the unit of numeric values (seconds, ms or us since the epoch).</summary>
    public TimeUnit EpochUnit { get; init; } = TimeUnit.Millisecond;

    /// <summary>For <see cref="JsonColumnType.List"/>: the element type (any scalar type; not List or Json).</summary>
    public JsonColumnType ElementType { get; init; } = JsonColumnType.String;

    /// <summary>The member names of <see cref="Path"/>; throws <see cref="FormatException"/> for an empty segment.</summary>
    public string[] Segments()
    {
        var p = Path.StartsWith("$.", StringComparison.Ordinal) ? Path[2..] : Path;
        var segments = p.Split('.');
        foreach (var s in segments)
        {
            if (s.Length == 0)
            {
                throw new FormatException($"column '{Name}': path '{Path}' has an empty member name");
            }
        }

        return segments;
    }

    /// <summary>The path as shown in error messages: <c>$.user.id</c>.</summary>
    public string DisplayPath => Path.StartsWith("$.", StringComparison.Ordinal) ? Path : "$." + Path;
}
