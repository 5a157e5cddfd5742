namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>What a <see cref="VarianceState"/> reports.</summary>
public enum VarianceKind
{
    VarianceSample,
    VariancePopulation,
    StddevSample,
    StddevPopulation,
}
