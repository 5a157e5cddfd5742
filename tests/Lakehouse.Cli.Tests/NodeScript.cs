using System.Diagnostics;
using System.Text;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

/// <summary>
/// Runs a dependency-free script from tests/interop with node (skipping when node is not installed);
/// scripts that need npm packages go through <see cref="NodeOracle"/> instead.
/// </summary>
internal static class NodeScript
{
    public static string Run(string script, string stdin)
    {
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Interop, script));
        Process? p;
        try
        {
            p = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            p = null;
        }

        Skip.If(p is null, "node is not installed");
        using (p)
        {
            var stdout = p!.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
            if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {script} did not finish");
            }

            Assert.True(p.ExitCode == 0, $"node {script} failed: {stderr.Result}");
            return stdout.Result;
        }
    }
}
