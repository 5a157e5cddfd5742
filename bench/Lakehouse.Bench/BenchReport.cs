using System.Globalization;
using System.Text;

namespace Lakehouse.Bench;

/// <summary>
/// Collects benchmark rows (ours vs a baseline measured in the same run) and prints them as an aligned table
/// and as one JSON line per row (for tooling).
/// </summary>
public sealed class BenchReport
{
    private readonly List<BenchRow> _rows = [];

    public void Add(BenchRow row)
    {
        _rows.Add(row);
        Console.Out.Flush();
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"benchmark",-56} {"ours",14} {"baseline",14} {"ratio",8}  target");
        foreach (var r in _rows)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Name,-56} {Fmt(r.Ours, r.Unit),14} {Fmt(r.Baseline, r.Unit),14} {r.Ratio,8:0.000}  {r.Target}"));
        }

        output.WriteLine();
        foreach (var r in _rows)
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"{{\"benchmark\":\"{r.Name}\",\"unit\":\"{r.Unit}\",\"ours\":{r.Ours:R},\"baseline\":{r.Baseline:R},\"baseline_name\":\"{r.BaselineName}\",\"ratio\":{r.Ratio:R}}}");
            output.WriteLine(sb.ToString());
        }
    }

    private static string Fmt(double v, string unit) => string.Create(CultureInfo.InvariantCulture, $"{v:0.###} {unit}");
}
