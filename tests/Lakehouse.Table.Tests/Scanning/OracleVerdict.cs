using System.Text.Json;
using Xunit.Abstractions;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>Compares what we read with one verdict of tests/interop/iceberg-expected.mjs (row count and, where the oracle could build them, row multisets).</summary>
internal static class OracleVerdict
{
    /// <summary>Adds any difference to <paramref name="mismatches"/>; true when the row multisets were compared.</summary>
    public static bool Check(string name, long rows, long want, JsonElement oracle, List<string> mismatches, ITestOutputHelper output)
    {
        if (rows != want)
        {
            mismatches.Add($"{name}: we read {rows} rows, the oracle {want}");
        }

        if (oracle.TryGetProperty("missing", out var missing))
        {
            if (missing.GetString() != "0" || oracle.GetProperty("extra").GetString() != "0")
            {
                mismatches.Add($"{name}: rows differ: {oracle}");
            }

            return true;
        }

        if (oracle.TryGetProperty("rowsUnsupported", out var why))
        {
            output.WriteLine($"{name}: multiset not compared: {why}");
        }

        return false;
    }
}
