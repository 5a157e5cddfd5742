namespace Lakehouse.Sql.Parsing;

/// <summary>Where a token or syntax node starts in the SQL text: 0-based character offset, 1-based line and column.</summary>
public readonly record struct SourcePosition(int Offset, int Line, int Column)
{
    public static SourcePosition Start => new(0, 1, 1);

    /// <summary>"line 1, column 10" as used in error messages.</summary>
    public override string ToString() => $"line {Line}, column {Column}";
}
