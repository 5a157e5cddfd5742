namespace Lakehouse.Bench;

/// <summary>
/// One measured figure: ours and the baseline in the same unit. <see cref="Ratio"/> is ours/baseline for
/// throughputs (higher is better) — each benchmark states its direction in <see cref="Target"/>.
/// </summary>
public sealed record BenchRow(string Name, string Unit, double Ours, double Baseline, string BaselineName, string Target)
{
    public double Ratio => Baseline == 0 ? double.NaN : Ours / Baseline;
}
