namespace Lakehouse.Avro.Resolution;

/// <summary>What a <see cref="ReadPlan"/> node does with the writer's bytes.</summary>
internal enum ReadPlanKind
{
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Fixed,
    Enum,
    Record,
    Array,
    Map,

    /// <summary>The writer wrote a union: read the index, then follow that branch's plan.</summary>
    WriterUnion,

    IntAsLong,
    IntAsFloat,
    IntAsDouble,
    LongAsFloat,
    LongAsDouble,
    FloatAsDouble,

    /// <summary>Writer string read as reader bytes.</summary>
    StringAsBytes,

    /// <summary>Writer bytes read as reader string.</summary>
    BytesAsString,

    /// <summary>A writer union branch the reader cannot read: fails only if data actually uses it.</summary>
    Error,
}
