using System.Diagnostics;
using System.Text;

using Xunit;

namespace Lakehouse.Testing;

/// <summary>
/// Runs a Node.js script from tests/interop (the independent implementations: apache-arrow, DuckDB,
/// avro-js, ...) and returns its standard output. Skips the test when node or the installed oracles
/// (tests/interop/node_modules, installed by the test command) are missing.
/// </summary>
public static class NodeOracle
{
    public static string Run(string script, params string[] args) => Run(script, TimeSpan.FromMinutes(3), null, args);

    public static string Run(string script, TimeSpan timeout, byte[]? stdin, params string[] args)
    {
        var dir = RepoPaths.Interop;
        Skip.If(!Directory.Exists(Path.Combine(dir, "node_modules")), "tests/interop/node_modules is missing: run the test command (it runs npm ci) to enable interop tests");
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(dir, script));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.BaseStream.Write(stdin);
            p.StandardInput.Close();
        }

        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout}");
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} {string.Join(' ', args)} exited with {p.ExitCode}:\n{stderr.Result}\n{stdout.Result}");
        }

        return stdout.Result;
    }
}
