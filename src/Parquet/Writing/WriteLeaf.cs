using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Writing;

/// <summary>One leaf column as the writer sees it: its Parquet element, levels, and the Arrow path to its values.</summary>
internal sealed class WriteLeaf
{
    public WriteLeaf(int topLevelField, IReadOnlyList<WriteStep> steps, SchemaElement element, ArrowType valueType, Field valueField, List<string> path, int maxDef, int maxRep)
    {
        TopLevelField = topLevelField;
        Steps = steps;
        Element = element;
        ValueType = valueType;
        ValueField = valueField;
        Path = path;
        MaxDefinition = maxDef;
        MaxRepetition = maxRep;
    }

    public int TopLevelField { get; }

    /// <summary>From the top-level array down to the leaf array.</summary>
    public IReadOnlyList<WriteStep> Steps { get; }

    public SchemaElement Element { get; }

    public PhysicalType PhysicalType => Element.Type!.Value;

    public int TypeLength => Element.TypeLength ?? 0;

    /// <summary>The Arrow type of the leaf values (dictionary arrays are written as their value type).</summary>
    public ArrowType ValueType { get; }

    public Field ValueField { get; }

    public List<string> Path { get; }

    public int MaxDefinition { get; }

    public int MaxRepetition { get; }

    public string DottedPath => string.Join('.', Path);

    public int? FieldId => Element.FieldId;
}
