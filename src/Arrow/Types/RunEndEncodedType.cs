namespace Lakehouse.Arrow.Types;

/// <summary>Run-end encoding: child 0 holds the (int16/32/64) run ends, child 1 the run values.</summary>
public sealed class RunEndEncodedType : ArrowType
{
    public RunEndEncodedType(Field runEndsField, Field valuesField)
    {
        if (runEndsField.Type.Id is not (ArrowTypeId.Int16 or ArrowTypeId.Int32 or ArrowTypeId.Int64))
        {
            throw new ArgumentException("run ends must be int16, int32 or int64", nameof(runEndsField));
        }

        RunEndsField = runEndsField;
        ValuesField = valuesField;
    }

    public Field RunEndsField { get; }

    public Field ValuesField { get; }

    public override ArrowTypeId Id => ArrowTypeId.RunEndEncoded;

    public override bool Equals(ArrowType? other) =>
        other is RunEndEncodedType r && r.RunEndsField.Equals(RunEndsField) && r.ValuesField.Equals(ValuesField);

    public override int GetHashCode() => HashCode.Combine(ArrowTypeId.RunEndEncoded, ValuesField);

    public override string ToString() => $"run_end_encoded<run_ends: {RunEndsField.Type}, values: {ValuesField.Type}>";
}
