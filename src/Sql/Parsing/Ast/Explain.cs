namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>EXPLAIN [ANALYZE] [VERBOSE] [(option value, …)] statement.</summary>
public sealed record Explain(SourcePosition Position, Statement Statement, bool Analyze, bool Verbose, SyntaxList<ExplainOption> Options) : Statement(Position);
