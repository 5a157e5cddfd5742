namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>x -&gt; body or (x, y) -&gt; body.</summary>
public sealed record LambdaExpression(SourcePosition Position, SyntaxList<Identifier> Parameters, Expression Body) : Expression(Position);
