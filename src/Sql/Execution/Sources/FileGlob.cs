using System.Text;
using System.Text.RegularExpressions;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>Expands file globs (<c>*</c>, <c>?</c>, <c>**</c> across directories) into sorted paths.</summary>
public static class FileGlob
{
    public static IReadOnlyList<string> Expand(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWild = normalized.IndexOfAny(['*', '?', '[']);
        if (firstWild < 0)
        {
            if (!File.Exists(pattern))
            {
                throw new SqlException(SqlErrorKind.Binder, $"file \"{pattern}\" does not exist");
            }

            return [pattern];
        }

        var slash = normalized.LastIndexOf('/', firstWild);
        var root = slash < 0 ? "." : normalized[..Math.Max(slash, 1)];
        if (!Directory.Exists(root))
        {
            throw new SqlException(SqlErrorKind.Binder, $"no files match \"{pattern}\" (directory \"{root}\" does not exist)");
        }

        var regex = new Regex("^" + ToRegex(slash < 0 ? normalized : normalized[(slash + 1)..]) + "$", RegexOptions.CultureInvariant);
        var recursive = normalized.Contains("**", StringComparison.Ordinal) || normalized[(slash + 1)..].Contains('/', StringComparison.Ordinal);
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (regex.IsMatch(relative))
            {
                files.Add(file);
            }
        }

        files.Sort(StringComparer.Ordinal);
        if (files.Count == 0)
        {
            throw new SqlException(SqlErrorKind.Binder, $"no files match \"{pattern}\"");
        }

        return files;
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                sb.Append(".*");
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/')
                {
                    sb.Append("/?");
                    i++;
                }
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.ToString();
    }
}
