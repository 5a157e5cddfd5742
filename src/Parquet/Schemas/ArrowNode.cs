using Lakehouse.Arrow;

namespace Lakehouse.Parquet.Schemas;

/// <summary>
/// A node of the Arrow field tree with the Dremel levels that drive assembly. A level index i of a leaf
/// below this node is one of this node's slots when <c>rep[i] &lt;= SlotRepetition</c> and
/// <c>def[i] &gt;= SlotDefinition</c>; the slot is non-null when <c>def[i] &gt;= ValidDefinition</c>.
/// </summary>
public sealed class ArrowNode
{
    internal ArrowNode(ArrowNodeKind kind, Field field, SchemaNode schemaNode, int slotRepetition, int slotDefinition, int validDefinition, IReadOnlyList<ArrowNode> children)
    {
        Kind = kind;
        Field = field;
        SchemaNode = schemaNode;
        SlotRepetition = slotRepetition;
        SlotDefinition = slotDefinition;
        ValidDefinition = validDefinition;
        Children = children;
        FirstLeaf = kind == ArrowNodeKind.Leaf ? schemaNode : children[0].FirstLeaf;
    }

    public ArrowNodeKind Kind { get; }

    public Field Field { get; }

    /// <summary>The Parquet node this Arrow node was made from (the leaf for leaves).</summary>
    public SchemaNode SchemaNode { get; }

    public int SlotRepetition { get; }

    public int SlotDefinition { get; }

    public int ValidDefinition { get; }

    public IReadOnlyList<ArrowNode> Children { get; }

    /// <summary>The leaf whose levels define this node's slots, validity and offsets.</summary>
    public SchemaNode FirstLeaf { get; }

    /// <summary>Collects the leaf column indexes below this node.</summary>
    public void CollectLeaves(List<int> into)
    {
        if (Kind == ArrowNodeKind.Leaf)
        {
            into.Add(SchemaNode.ColumnIndex);
            return;
        }

        foreach (var c in Children)
        {
            c.CollectLeaves(into);
        }
    }

    public override string ToString() => $"{Kind} {Field}";
}
