using System.Diagnostics;
using System.Text.Json;

using Lakehouse.Flight.Grpc;
using Lakehouse.Testing;

using Xunit;

namespace Lakehouse.Flight.Tests.Sql;

/// <summary>Debian's python3-grpcio (gRPC C core) runs a Flight SQL smoke sequence (tests/interop/flightsql-smoke.py).</summary>
public sealed class FlightSqlPythonInteropTests
{
    private const string Python = "/usr/bin/python3";

    [SkippableFact]
    public async Task PythonGrpcio_FlightSqlSmokeSequence()
    {
        Skip.If(!File.Exists(Python) || !HasGrpc(), "python3-grpcio is not installed (apt-get install python3-grpcio; the test command does it)");
        await using var f = await FlightSqlServerFixture.StartAsync();
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Interop, "flightsql-smoke.py"));
        psi.ArgumentList.Add($"127.0.0.1:{f.Server.Port}");
        psi.ArgumentList.Add("bob");
        psi.ArgumentList.Add(FlightSqlServerFixture.ReaderPassword);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, await stderr);

        using var doc = JsonDocument.Parse(await stdout);
        var r = doc.RootElement;
        Assert.True(r.GetProperty("bearer").GetBoolean());
        Assert.Equal(0, r.GetProperty("locations").GetInt32());
        Assert.Equal(2, r.GetProperty("messages").GetInt32()); // schema + one record batch
        Assert.True(r.GetProperty("bodyBytes").GetInt32() > 0);
        Assert.Equal(16, r.GetProperty("preparedHandleBytes").GetInt32());
        Assert.True(r.GetProperty("hasDatasetSchema").GetBoolean());
        Assert.Equal((int)StatusCode.Unauthenticated, r.GetProperty("noToken").GetInt32());
        Assert.Equal(0, f.FlightSql.OpenPreparedStatements);
    }

    private static bool HasGrpc()
    {
        using var p = Process.Start(new ProcessStartInfo(Python, "-c \"import grpc\"") { RedirectStandardError = true, UseShellExecute = false })!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}
