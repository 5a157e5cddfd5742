namespace Lakehouse.Table.Transforms;

/// <summary>The unit of a <see cref="DateTimeTransform"/>.</summary>
public enum DatePart
{
    Year,
    Month,
    Day,
    Hour,
}
