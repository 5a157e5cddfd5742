using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Sql.Functions.Strings;

/// <summary>
/// Builds a utf8 (or binary) array value by value, letting kernels write a value's bytes in pieces straight
/// into the data buffer (<see cref="GetSpan"/>/<see cref="Advance"/>/<see cref="Write"/>) and then close it
/// with <see cref="EndValue"/>. No intermediate strings or byte arrays.
/// </summary>
public sealed class Utf8ColumnWriter
{
    private readonly BufferBuilder _offsets;
    private readonly BufferBuilder _data;
    private readonly ArrowType _type;
    private BitmapBuilder? _validity;
    private int _length;

    public Utf8ColumnWriter(int capacity = 0, int dataCapacity = 0, ArrowType? type = null)
    {
        _type = type ?? ArrowType.Utf8;
        _offsets = new BufferBuilder(Math.Max(64, (capacity + 1) * 4));
        _data = new BufferBuilder(Math.Max(64, dataCapacity));
        _offsets.Append(0);
    }

    /// <summary>Values closed so far.</summary>
    public int Length => _length;

    /// <summary>Bytes written to the value being built (since the last <see cref="EndValue"/>).</summary>
    public int PendingLength => _data.Length - _offsets.AsSpan<int>()[^1];

    /// <summary>The bytes of the value being built.</summary>
    public ReadOnlySpan<byte> PendingValue => _data.WrittenSpan[_offsets.AsSpan<int>()[^1]..];

    public Span<byte> GetSpan(int sizeHint) => _data.GetSpan(sizeHint);

    public void Advance(int count) => _data.Advance(count);

    public void Write(ReadOnlySpan<byte> bytes) => _data.Append(bytes);

    public void Write(byte b) => _data.Append(b);

    /// <summary>Drops bytes written to the pending value (back to <paramref name="pendingLength"/>).</summary>
    public void TruncatePending(int pendingLength) => _data.SetLength(_offsets.AsSpan<int>()[^1] + pendingLength);

    public void EndValue()
    {
        if (_data.Length < 0)
        {
            throw new InvalidOperationException("string column larger than 2 GiB");
        }

        _offsets.Append(_data.Length);
        _validity?.Append(true);
        _length++;
    }

    public void Append(ReadOnlySpan<byte> value)
    {
        _data.Append(value);
        EndValue();
    }

    /// <summary>Closes the current slot as null (bytes written to it are dropped).</summary>
    public void AppendNull()
    {
        _data.SetLength(_offsets.AsSpan<int>()[^1]);
        _offsets.Append(_data.Length);
        if (_validity is null)
        {
            _validity = new BitmapBuilder();
            _validity.AppendMany(true, _length);
        }

        _validity.Append(false);
        _length++;
    }

    public BinaryArray Build()
    {
        var nullCount = _validity?.UnsetCount ?? 0;
        var validity = nullCount > 0 ? _validity!.Build() : ArrowBuffer.Empty;
        var data = new ArrayData(_type, _length, nullCount, 0, [validity, _offsets.Build(), _data.Build()]);
        _validity = null;
        _length = 0;
        _offsets.Append(0);
        return new BinaryArray(data);
    }
}
