using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Schemas;

/// <summary>
/// One node of the Parquet schema tree with its Dremel levels: <see cref="DefinitionLevel"/> counts the
/// optional and repeated nodes from the root down to and including this one, <see cref="RepetitionLevel"/>
/// the repeated ones. Leaves carry their column index (position among leaves, depth first).
/// </summary>
public sealed class SchemaNode
{
    internal SchemaNode(SchemaElement element, SchemaNode? parent, int definitionLevel, int repetitionLevel)
    {
        Element = element;
        Parent = parent;
        DefinitionLevel = definitionLevel;
        RepetitionLevel = repetitionLevel;
        Path = parent is null || parent.Parent is null ? [element.Name] : [.. parent.Path, element.Name];
    }

    public SchemaElement Element { get; }

    public SchemaNode? Parent { get; }

    public List<SchemaNode> Children { get; } = [];

    public string Name => Element.Name;

    public IReadOnlyList<string> Path { get; }

    public int DefinitionLevel { get; }

    public int RepetitionLevel { get; }

    /// <summary>Index among the leaf columns; -1 for groups.</summary>
    public int ColumnIndex { get; internal set; } = -1;

    public bool IsLeaf => ColumnIndex >= 0;

    public FieldRepetitionType Repetition => Element.RepetitionType ?? FieldRepetitionType.Required;

    public bool IsRepeated => Repetition == FieldRepetitionType.Repeated;

    public bool IsOptional => Repetition == FieldRepetitionType.Optional;

    public PhysicalType PhysicalType => Element.Type ?? throw new InvalidOperationException($"{Name} is a group");

    public string DottedPath => string.Join('.', Path);

    /// <summary>The first leaf below (or at) this node.</summary>
    public SchemaNode FirstLeaf()
    {
        var n = this;
        while (!n.IsLeaf)
        {
            n = n.Children[0];
        }

        return n;
    }

    public override string ToString() => DottedPath;
}
