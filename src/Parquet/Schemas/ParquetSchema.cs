using Lakehouse.Arrow;
using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Schemas;

/// <summary>The Parquet schema tree rebuilt from the footer's depth-first list of schema elements.</summary>
public sealed class ParquetSchema
{
    public const int MaxDepth = 64;

    private ParquetSchema(SchemaNode root, List<SchemaNode> leaves)
    {
        Root = root;
        Leaves = leaves;
    }

    public SchemaNode Root { get; }

    /// <summary>Leaf columns in file order (the order of column chunks in every row group).</summary>
    public IReadOnlyList<SchemaNode> Leaves { get; }

    public static ParquetSchema Build(IReadOnlyList<SchemaElement> elements, string? source = null)
    {
        if (elements.Count == 0)
        {
            throw new CorruptFileException(source, -1, "empty schema");
        }

        var rootElement = elements[0];
        var root = new SchemaNode(rootElement, null, 0, 0);
        var leaves = new List<SchemaNode>();
        var next = 1;
        AddChildren(root, rootElement.NumChildren ?? 0, elements, ref next, leaves, 1, source);
        if (next != elements.Count)
        {
            throw new CorruptFileException(source, -1, $"schema lists {elements.Count} elements but the tree uses {next}");
        }

        return new ParquetSchema(root, leaves);
    }

    private static void AddChildren(SchemaNode parent, int count, IReadOnlyList<SchemaElement> elements, ref int next, List<SchemaNode> leaves, int depth, string? source)
    {
        if (depth > MaxDepth)
        {
            throw new CorruptFileException(source, -1, $"schema nested deeper than {MaxDepth}");
        }

        if (count < 0 || count > elements.Count - next)
        {
            throw new CorruptFileException(source, -1, $"schema element '{parent.Name}' claims {count} children but only {elements.Count - next} elements follow");
        }

        for (var i = 0; i < count; i++)
        {
            if (next >= elements.Count)
            {
                throw new CorruptFileException(source, -1, $"schema element '{parent.Name}' claims {count} children but the schema list ends after {i}");
            }

            var e = elements[next++];
            var rep = e.RepetitionType ?? FieldRepetitionType.Required;
            var def = parent.DefinitionLevel + (rep == FieldRepetitionType.Required ? 0 : 1);
            var repLevel = parent.RepetitionLevel + (rep == FieldRepetitionType.Repeated ? 1 : 0);
            var node = new SchemaNode(e, parent, def, repLevel);
            parent.Children.Add(node);
            if (e.NumChildren is { } n && (n > 0 || e.Type is null))
            {
                if (n == 0)
                {
                    throw new CorruptFileException(source, -1, $"group '{node.DottedPath}' has no children");
                }

                AddChildren(node, n, elements, ref next, leaves, depth + 1, source);
            }
            else
            {
                if (e.Type is null)
                {
                    throw new CorruptFileException(source, -1, $"leaf '{node.DottedPath}' has no physical type");
                }

                if (e.Type == PhysicalType.FixedLenByteArray && (e.TypeLength is not { } len || len < 0))
                {
                    throw new CorruptFileException(source, -1, $"FIXED_LEN_BYTE_ARRAY column '{node.DottedPath}' has no valid type_length");
                }

                node.ColumnIndex = leaves.Count;
                leaves.Add(node);
            }
        }
    }
}
