using System.Diagnostics;

using Xunit;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>Runs an independent command-line implementation (zstd, lz4, node) as a byte filter: stdin in, stdout out.</summary>
internal static class ExternalTool
{
    public static bool Exists(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, tool)))
            {
                return true;
            }
        }

        return false;
    }

    public static void Require(string tool) =>
        Skip.If(!Exists(tool), $"the '{tool}' command is not installed: cross-check against it is skipped");

    public static byte[] Filter(string tool, byte[] input, params string[] args)
    {
        Require(tool);
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {tool}");
        using var output = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = p.StandardError.ReadToEndAsync();
        var feed = Task.Run(() =>
        {
            p.StandardInput.BaseStream.Write(input);
            p.StandardInput.Close();
        });
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish");
        }

        feed.GetAwaiter().GetResult();
        copy.GetAwaiter().GetResult();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {p.ExitCode}: {errors.Result}");
        }

        return output.ToArray();
    }

    /// <summary>Runs a Node.js snippet with node's own zlib (no npm packages needed) as a filter.</summary>
    public static byte[] Node(string script, byte[] input) =>
        Filter("node", input, "-e", "const z=require('zlib');const c=[];process.stdin.on('data',d=>c.push(d));process.stdin.on('end',()=>{const b=Buffer.concat(c);process.stdout.write(" + script + ");});");
}
