namespace Lakehouse.Table.Expressions;

/// <summary>
/// A boolean filter expression over table rows: constants, and/or/not, and predicates on one column.
/// Unbound predicates name columns; <see cref="Binder"/> resolves them to field ids and typed literals.
/// Immutable.
/// </summary>
public abstract class Expression
{
    /// <summary>The expression matching exactly the complementary rows, with NOT pushed down to predicates.</summary>
    public abstract Expression Negate();

    /// <summary>This expression with every NOT removed (pushed into predicates by De Morgan's laws).</summary>
    public virtual Expression RewriteNot() => this;

    public abstract override string ToString();
}
