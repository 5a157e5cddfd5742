using System.Diagnostics;
using System.Text;

using Xunit;

namespace Lakehouse.Avro.Tests;

/// <summary>Runs tests/interop/avro-read.py with Debian's python3-avro; skips when it is not installed.</summary>
internal static class PythonOracle
{
    // A pyenv python3 may shadow the system one on PATH; python3-avro lives in the system interpreter.
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> s_available = new(() => Run(["-c", "import avro.datafile"], out _, out _) == 0);

    /// <summary>Skips unless python3-avro can use <paramref name="codec"/> (snappy and zstandard need python3-snappy / python3-zstandard).</summary>
    public static void RequireCodec(string codec)
    {
        Skip.If(!File.Exists(Python) || !s_available.Value, "python3-avro is not installed (apt-get install python3-avro)");
        var module = codec switch { "snappy" => "snappy", "zstandard" => "zstandard", _ => null };
        Skip.If(module is not null && Run(["-c", "import " + module], out _, out _) != 0, $"python3-avro cannot use {codec}: python3-{module} is not installed");
    }

    public static string Read(string file, string? readerSchemaFile) =>
        RunScript("avro-read.py", readerSchemaFile is null ? [file] : [file, readerSchemaFile]);

    public static string RunScript(string script, params string[] scriptArgs)
    {
        Skip.If(!File.Exists(Python) || !s_available.Value, "python3-avro is not installed (apt-get install python3-avro)");
        var args = new List<string> { Path.Combine(Lakehouse.Testing.RepoPaths.Interop, script) };
        args.AddRange(scriptArgs);
        var rc = Run(args, out var stdout, out var stderr);
        if (rc != 0)
        {
            throw new InvalidOperationException($"{script} exited with {rc}:\n{stderr}");
        }

        return stdout;
    }

    private static int Run(IReadOnlyList<string> args, out string stdout, out string stderr)
    {
        stdout = stderr = string.Empty;
        if (!File.Exists(Python))
        {
            return -1;
        }

        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("avro-read.py did not finish");
        }

        stdout = o.Result;
        stderr = e.Result;
        return p.ExitCode;
    }
}
