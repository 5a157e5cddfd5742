namespace Lakehouse.Sql.Planning;

/// <summary>Join kinds. Semi/anti keep left rows only; mark adds a boolean column (IN/EXISTS in expressions).</summary>
public enum LogicalJoinType
{
    Inner,
    Left,
    Right,
    Full,
    Cross,
    Semi,
    Anti,
    Mark,
}
