using System.Collections.Concurrent;

namespace Lakehouse.Table.IO;

/// <summary>
/// Maps paths written in table metadata to local files. Paths are used as-is when they exist (after stripping
/// <c>file:</c> URIs); otherwise, for moved tables, the path is resolved against the folder the table actually lives in:
/// the metadata <c>location</c> prefix is replaced by that folder, and failing that the longest suffix of the path that
/// exists under the table folder (or one of its parents, for sibling data locations) is taken.
/// </summary>
public sealed class FileLocator
{
    private const int ParentLevels = 3;
    private readonly string _tableRoot;
    private readonly string? _location;
    private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);

    /// <param name="tableRoot">The local folder of the table (the parent of its metadata folder).</param>
    /// <param name="location">The table's <c>location</c> from its metadata.</param>
    public FileLocator(string tableRoot, string? location)
    {
        _tableRoot = Path.GetFullPath(tableRoot);
        _location = location is null ? null : StripScheme(location).TrimEnd('/');
    }

    public string TableRoot => _tableRoot;

    /// <summary>The local path of <paramref name="path"/>, or throws a NotFound error naming it.</summary>
    public string Resolve(string path) =>
        TryResolve(path) ?? throw new IcebergException(IcebergErrorKind.NotFound, $"file not found: {path} (table folder {_tableRoot})");

    public string? TryResolve(string path) => _cache.GetOrAdd(path, ResolveCore);

    private string? ResolveCore(string path)
    {
        var local = StripScheme(path);
        if (Path.IsPathRooted(local) && File.Exists(local) && !HasRemoteScheme(path))
        {
            return local;
        }

        if (_location is { Length: > 0 } && local.StartsWith(_location, StringComparison.Ordinal))
        {
            var candidate = Path.Combine(_tableRoot, local[_location.Length..].TrimStart('/'));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var segments = local.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var root = _tableRoot;
        for (var level = 0; level <= ParentLevels && root is not null; level++)
        {
            for (var start = 0; start < segments.Length; start++)
            {
                var candidate = Path.Combine(root, string.Join('/', segments, start, segments.Length - start));
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            root = Path.GetDirectoryName(root);
        }

        return null;
    }

    private static bool HasRemoteScheme(string path)
    {
        var colon = path.IndexOf("://", StringComparison.Ordinal);
        return colon > 0 && !path.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Removes <c>file:</c>/<c>file://</c> and any <c>scheme://authority</c> prefix, leaving the path part.</summary>
    public static string StripScheme(string path)
    {
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[7..];
            return Uri.UnescapeDataString(rest);
        }

        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.UnescapeDataString(path[5..]);
        }

        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var slash = path.IndexOf('/', scheme + 3);
            return slash < 0 ? "/" : path[slash..];
        }

        return path;
    }
}
