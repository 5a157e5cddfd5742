using Xunit;

namespace Lakehouse.Testing;

/// <summary>
/// Locates <c>../shared/fixtures</c> (files written by other engines). Tests that need them call
/// <see cref="RequireRoot"/>, which skips the test with a clear message when the folder is absent.
/// </summary>
public static class SharedFixtures
{
    private static readonly Lazy<string?> s_root = new(FindRoot);

    /// <summary>The fixtures folder, or null when it is not beside the repository.</summary>
    public static string? Root => s_root.Value;

    public static string RequireRoot()
    {
        var root = Root;
        Skip.If(root is null, "../shared/fixtures is absent: tests against files written by other engines are skipped");
        return root!;
    }

    public static string Require(string relativePath)
    {
        var path = Path.Combine(RequireRoot(), relativePath);
        Skip.If(!File.Exists(path) && !Directory.Exists(path), $"shared fixture {relativePath} is absent");
        return path;
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("LAKEHOUSE_SHARED_FIXTURES");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        var repo = RepoPaths.Root;
        var candidate = Path.GetFullPath(Path.Combine(repo, "..", "shared", "fixtures"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
