namespace Lakehouse.Parquet.Reading;

/// <summary>Read-only access to a decoded column's levels; absent levels read as the column's constant level.</summary>
internal readonly ref struct LevelView
{
    public LevelView(DecodedColumn column, int maxDef)
    {
        Definition = column.DefinitionLevels is { } d ? d.AsSpan<int>() : default;
        Repetition = column.RepetitionLevels is { } r ? r.AsSpan<int>() : default;
        Count = column.DefinitionLevels is not null || column.RepetitionLevels is not null ? column.LevelCount : column.ValueCount;
        MaxDefinition = maxDef;
    }

    public ReadOnlySpan<int> Definition { get; }

    public ReadOnlySpan<int> Repetition { get; }

    public int Count { get; }

    public int MaxDefinition { get; }

    public bool HasDefinition => !Definition.IsEmpty || Count == 0;

    public int Def(int i) => Definition.IsEmpty ? MaxDefinition : Definition[i];

    public int Rep(int i) => Repetition.IsEmpty ? 0 : Repetition[i];

    public bool IsSlot(int i, int slotRep, int slotDef) => Rep(i) <= slotRep && Def(i) >= slotDef;
}
