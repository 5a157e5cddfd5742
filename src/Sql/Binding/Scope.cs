using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Binding;

/// <summary>The columns of a plan's output, positionally aligned with it, for resolving names.</summary>
public sealed class Scope
{
    public Scope(IReadOnlyList<ScopeColumn> columns) => Columns = columns;

    public IReadOnlyList<ScopeColumn> Columns { get; }

    public static Scope Empty { get; } = new([]);

    public Scope Append(IEnumerable<ScopeColumn> more) => new([.. Columns, .. more]);

    public Scope WithRelation(string relation, IReadOnlyList<string>? columnNames = null)
    {
        var visible = Columns.Where(c => !c.Hidden).ToList();
        if (columnNames is not null && columnNames.Count > 0 && columnNames.Count != visible.Count)
        {
            throw new SqlException(SqlErrorKind.Binder, $"relation \"{relation}\" has {visible.Count} columns but {columnNames.Count} column aliases were given");
        }

        var k = 0;
        return new(Columns.Select(c => c.Hidden ? c : c with { Relation = relation, Name = columnNames is { Count: > 0 } ? columnNames[k++] : c.Name }).ToArray());
    }

    /// <summary>
    /// Resolves a (possibly qualified) column name: index, or -1 when absent. Throws for ambiguity. Names
    /// with more parts than relation.column match on the last two parts.
    /// </summary>
    public int Find(IReadOnlyList<string> parts, out int consumed)
    {
        consumed = 0;
        // Try relation.column first when qualified, then column alone (the rest may be row field access).
        if (parts.Count >= 2)
        {
            for (var q = Math.Min(parts.Count, 4); q >= 2; q--)
            {
                var relation = parts[q - 2];
                var name = parts[q - 1];
                var hit = FindIn(name, relation, string.Join('.', parts.Take(q)));
                if (hit >= 0)
                {
                    consumed = q;
                    return hit;
                }
            }
        }

        var single = FindIn(parts[0], null, parts[0]);
        if (single >= 0)
        {
            consumed = 1;
        }

        return single;
    }

    private int FindIn(string name, string? relation, string display)
    {
        var found = -1;
        var foundRelation = (string?)null;
        for (var i = 0; i < Columns.Count; i++)
        {
            var c = Columns[i];
            if (!string.Equals(c.Name, name, StringComparison.Ordinal))
            {
                continue;
            }

            if (relation is not null && !string.Equals(c.Relation, relation, StringComparison.Ordinal))
            {
                continue;
            }

            if (relation is null && c.Hidden && c.Relation is not null)
            {
                continue; // hidden originals of USING columns are reachable only qualified
            }

            if (found >= 0)
            {
                if (Columns[found].Relation == c.Relation && relation is null && c.Relation is null)
                {
                    continue;
                }

                throw new SqlException(SqlErrorKind.Binder, $"column reference \"{display}\" is ambiguous (it exists in {Describe(foundRelation)} and {Describe(c.Relation)})");
            }

            found = i;
            foundRelation = c.Relation;
        }

        return found;
    }

    private static string Describe(string? relation) => relation is null ? "an unnamed relation" : $"\"{relation}\"";

    /// <summary>The closest visible column name for "did you mean".</summary>
    public string? Suggest(string name) => NameSuggester.Closest(name, Columns.Where(c => !c.Hidden).Select(c => c.Name).Distinct());

    public static string Display(QualifiedName name) => string.Join('.', name.Parts.AsSpan().ToArray().Select(p => p.Value));
}
