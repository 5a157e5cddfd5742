using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Lakehouse.Bench;

/// <summary>Runs bench/duckdb/parquet.mjs (DuckDB through @duckdb/node-api) and parses its JSON timings.</summary>
public sealed class DuckDbBaseline
{
    private DuckDbBaseline(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public string Version => Root.GetProperty("duckdb").GetString() ?? "?";

    public double CopySeconds => Root.GetProperty("copy_seconds").GetDouble();

    public double ScanDuckSeconds => Root.GetProperty("scan_duck_seconds").GetDouble();

    public double ScanOursSeconds => Root.GetProperty("scan_ours_seconds").GetDouble();

    public IEnumerable<(string Column, string Expression, double Seconds)> Singles()
    {
        foreach (var p in Root.GetProperty("single").EnumerateObject())
        {
            yield return (p.Name, p.Value.GetProperty("expr").GetString() ?? "", p.Value.GetProperty("seconds").GetDouble());
        }
    }

    /// <summary>DuckDB's full-scan figure for a column as text (hugeint sums arrive as strings, doubles as numbers).</summary>
    public string ScanValue(string key, bool ofOurFile = false)
    {
        var v = Root.GetProperty(ofOurFile ? "scan_ours_result" : "scan_result");
        var e = v[Array.IndexOf(ScanKeys, key)];
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
    }

    /// <summary>Column order of the full-scan query's result row.</summary>
    public static readonly string[] ScanKeys =
        ["n", "event_id", "ts", "platform", "user_id", "post_id", "kind", "hashtags", "text", "likes", "sentiment", "campaign_id"];

    public static DuckDbBaseline Run(string ourFile, string duckFile, int runs, int threads)
    {
        var script = Path.Combine(RepoRoot.Find(), "bench", "duckdb", "parquet.mjs");
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { script, ourFile, duckFile, runs.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {stderr.Result}");
        }

        var line = stdout.Trim().Split('\n')[^1];
        return new DuckDbBaseline(JsonDocument.Parse(line).RootElement.Clone());
    }
}
