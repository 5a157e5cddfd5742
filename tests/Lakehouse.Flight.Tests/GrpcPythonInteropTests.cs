using System.Diagnostics;
using System.Text.Json;

using Lakehouse.Flight.Grpc;
using Lakehouse.Testing;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>Debian's python3-grpcio (gRPC C core) against our server: a smoke sequence.</summary>
public sealed class GrpcPythonInteropTests
{
    // The system interpreter: a pyenv python3 earlier on PATH does not have the Debian package.
    private const string Python = "/usr/bin/python3";

    [SkippableFact]
    public async Task PythonGrpcio_AgainstOurServer()
    {
        Skip.If(!File.Exists(Python) || !HasGrpc(), "python3-grpcio is not installed (apt-get install python3-grpcio; the test command does it)");
        await using var server = await EchoServerFixture.StartAsync();
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Interop, "grpc-smoke.py"));
        psi.ArgumentList.Add($"127.0.0.1:{server.Server.Port}");
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, await stderr);

        using var doc = JsonDocument.Parse(await stdout);
        var r = doc.RootElement;
        Assert.Equal("from python", r.GetProperty("unary").GetString());
        Assert.Equal([0, 1, 2, 3], r.GetProperty("serverStream").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(6, r.GetProperty("clientStream").GetInt32());
        Assert.Equal(["p0", "p1", "p2"], r.GetProperty("bidi").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((int)StatusCode.FailedPrecondition, r.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("precondition \u00e9 100%", r.GetProperty("error").GetProperty("details").GetString());
        Assert.Equal((int)StatusCode.DeadlineExceeded, r.GetProperty("deadline").GetInt32());
    }

    private static bool HasGrpc()
    {
        var psi = new ProcessStartInfo(Python) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import grpc");
        using var p = Process.Start(psi)!;
        p.WaitForExit(30_000);
        return p.ExitCode == 0;
    }
}
