namespace Lakehouse.Ingest.Decoding;

/// <summary>
/// What the scan found for one mapped column of the current message: where its token is, and for scalar
/// types the converted value (int64, float64 bits, bool as 0/1, timestamp micros), so the emit pass
/// cannot fail half-way through a row.
/// </summary>
internal struct FieldSlot
{
    public bool Present;
    public bool Escaped;
    public int Start;
    public int Length;
    public long Value;
}
