using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Resolution;

/// <summary>
/// A node of the read plan compiled once from a writer schema and a reader schema: which bytes the
/// writer wrote and what generic value the reader gets. Interpreted by the generic datum reader with a
/// switch on <see cref="Kind"/> (no per-value virtual calls).
/// </summary>
internal sealed class ReadPlan
{
    public ReadPlan(ReadPlanKind kind, AvroSchema writer, AvroSchema reader)
    {
        Kind = kind;
        Writer = writer;
        Reader = reader;
    }

    public ReadPlanKind Kind { get; }

    public AvroSchema Writer { get; }

    public AvroSchema Reader { get; }

    /// <summary>Fixed size (Fixed).</summary>
    public int Size { get; init; }

    /// <summary>Enum: reader symbol for each writer index (null when the reader has neither it nor a default).</summary>
    public string?[]? EnumSymbols { get; init; }

    /// <summary>Record: the writer's fields in order.</summary>
    public RecordFieldStep[] Steps { get; set; } = [];

    /// <summary>Record: reader fields the writer lacks, filled from defaults (reader index, JSON default schema).</summary>
    public AvroField[] Defaults { get; set; } = [];

    /// <summary>Array items, map values.</summary>
    public ReadPlan? Items { get; set; }

    /// <summary>WriterUnion: one plan per writer branch.</summary>
    public ReadPlan[] Branches { get; set; } = [];

    /// <summary>Error: why this branch cannot be read.</summary>
    public string? Message { get; init; }

    /// <summary>True when items of the writer schema may take zero bytes (bounds block counts differently).</summary>
    public bool ItemsCanBeEmpty { get; set; }
}
