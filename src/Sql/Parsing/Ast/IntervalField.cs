namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Fields of interval literals and interval types.</summary>
public enum IntervalField
{
    /// <summary>YEAR</summary>
    Year,

    /// <summary>MONTH</summary>
    Month,

    /// <summary>WEEK</summary>
    Week,

    /// <summary>DAY</summary>
    Day,

    /// <summary>HOUR</summary>
    Hour,

    /// <summary>MINUTE</summary>
    Minute,

    /// <summary>SECOND</summary>
    Second,
}
