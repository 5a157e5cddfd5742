using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Resolution;

/// <summary>One writer field of a resolved record: read it into reader slot <see cref="ReaderIndex"/>, or skip it (-1).</summary>
internal readonly record struct RecordFieldStep(int ReaderIndex, ReadPlan? Plan, AvroSchema WriterSchema);
