using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Writing;

/// <summary>
/// An insertion-ordered set of byte strings (the dictionary of a column chunk): open addressing over
/// entry ids, entry bytes concatenated in one buffer, so inserting a value already seen allocates nothing.
/// </summary>
internal sealed class DictionaryBuilder
{
    private readonly BufferBuilder _data = new(4096);
    private readonly List<int> _offsets = [0];
    private readonly List<int> _hashes = [];
    private int _lastId = -1;
    private int[] _buckets = new int[1024];

    public DictionaryBuilder() => Array.Fill(_buckets, -1);

    public int Count => _hashes.Count;

    /// <summary>Bytes of all entries (PLAIN size, without byte-array length prefixes).</summary>
    public int DataLength => _data.Length;

    public ReadOnlySpan<byte> Entry(int id) => _data.WrittenSpan[_offsets[id].._offsets[id + 1]];

    public int GetOrAdd(ReadOnlySpan<byte> value)
    {
        // Runs of one value are common (sorted or low-cardinality data): check the previous hit first.
        if (_lastId >= 0 && Entry(_lastId).SequenceEqual(value))
        {
            return _lastId;
        }

        var h = Hash(value);
        var mask = _buckets.Length - 1;
        var slot = h & mask;
        while (true)
        {
            var id = _buckets[slot];
            if (id < 0)
            {
                break;
            }

            if (_hashes[id] == h && Entry(id).SequenceEqual(value))
            {
                _lastId = id;
                return id;
            }

            slot = (slot + 1) & mask;
        }

        var newId = _hashes.Count;
        _data.Append(value);
        _offsets.Add(_data.Length);
        _hashes.Add(h);
        _buckets[slot] = newId;
        _lastId = newId;
        if (_hashes.Count * 2 > _buckets.Length)
        {
            Rehash();
        }

        return newId;
    }

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        Array.Fill(_buckets, -1);
        var mask = _buckets.Length - 1;
        for (var id = 0; id < _hashes.Count; id++)
        {
            var slot = _hashes[id] & mask;
            while (_buckets[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            _buckets[slot] = id;
        }
    }

    private static int Hash(ReadOnlySpan<byte> value)
    {
        var hc = default(HashCode);
        hc.AddBytes(value);
        return hc.ToHashCode() & int.MaxValue;
    }
}
