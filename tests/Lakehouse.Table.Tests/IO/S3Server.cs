using System.Diagnostics;
using System.Text.Json;
using Lakehouse.Table.IO.S3;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.IO;

/// <summary>
/// An s3rver process (tests/interop/s3-server.mjs) on 127.0.0.1 with a fresh data folder, shared by one test class
/// (xunit class fixture). <see cref="Require"/> starts it on first use and skips the test when node or s3rver is missing.
/// </summary>
public sealed class S3Server : IDisposable
{
    public const string Bucket = "lake";
    private readonly object _gate = new();
    private Process? _process;
    private string? _directory;
    private string? _error;

    public int Port { get; private set; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public S3Options Options => new()
    {
        Endpoint = Endpoint,
        PathStyleAccess = true,
        AccessKeyId = "S3RVER",
        SecretAccessKey = "S3RVER",
        MaxRetries = 2,
    };

    /// <summary>The running server (started on first call); skips the test when it cannot run here.</summary>
    public S3Server Require()
    {
        var modules = Path.Combine(RepoPaths.Interop, "node_modules", "s3rver");
        Skip.If(!Directory.Exists(modules), "tests/interop/node_modules/s3rver is missing: run the test command (npm ci) to enable S3 tests");
        lock (_gate)
        {
            if (_process is null && _error is null)
            {
                Start();
            }
        }

        Assert.True(_error is null, _error);
        return this;
    }

    private void Start()
    {
        _directory = RepoPaths.NewTempDirectory("s3rver");
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // s3rver's ListObjectsV2 continuation tokens use DES, which OpenSSL 3 keeps in its legacy provider.
        psi.ArgumentList.Add("--openssl-legacy-provider");
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Interop, "s3-server.mjs"));
        psi.ArgumentList.Add(_directory);
        psi.ArgumentList.Add(Bucket);
        psi.ArgumentList.Add("other");
        _process = Process.Start(psi)!;
        var line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result is null)
        {
            _error = "s3rver did not start: " + (_process.HasExited ? _process.StandardError.ReadToEnd() : "no port within 60 s");
            return;
        }

        using var json = JsonDocument.Parse(line.Result);
        Port = json.RootElement.GetProperty("port").GetInt32();
        _ = _process.StandardError.ReadToEndAsync();
    }

    public void Dispose()
    {
        if (_process is not null)
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(10_000))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            finally
            {
                _process.Dispose();
            }
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
