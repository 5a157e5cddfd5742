using Lakehouse.Arrow;
using Lakehouse.Avro.Binary;

namespace Lakehouse.Avro.Container;

public sealed partial class AvroFileReader
{
    /// <summary>Reads the block at <paramref name="offset"/>; returns it and the offset after its sync marker.</summary>
    private (AvroBlock Block, long Next) ReadBlock(long offset, ref byte[] buffer)
    {
        var span = _data.Span[(int)offset..];
        var reader = new AvroReader(span, Source, offset);
        var countOffset = reader.SourceOffset;
        var count = reader.ReadLong();
        if (count < 0)
        {
            throw new CorruptFileException(Source, countOffset, $"negative object count {count} in block");
        }

        var sizeOffset = reader.SourceOffset;
        var size = reader.ReadLong();
        if (size < 0 || size > reader.Remaining - AvroContainer.SyncLength)
        {
            throw new CorruptFileException(Source, sizeOffset, $"block size {size} exceeds the {Math.Max(0, reader.Remaining - AvroContainer.SyncLength)} bytes before the sync marker");
        }

        var dataOffset = offset + reader.Position;
        var raw = _data.Slice((int)dataOffset, (int)size);
        reader.Skip((int)size);
        var syncOffset = reader.SourceOffset;
        if (!reader.ReadFixed(AvroContainer.SyncLength).SequenceEqual(_sync))
        {
            throw new CorruptFileException(Source, syncOffset, "sync marker after block does not match the header's");
        }

        ReadOnlyMemory<byte> data;
        if (Codec == AvroCodec.Null)
        {
            data = raw;
        }
        else
        {
            var length = BlockCodec.Decompress(Codec, raw, ref buffer, _options.MaxBlockLength, Source, dataOffset);
            data = buffer.AsMemory(0, length);
        }

        var bound = Schema.CanBeEmpty ? _options.MaxZeroSizeObjects : data.Length;
        if (count > bound)
        {
            throw new CorruptFileException(Source, countOffset, $"block claims {count} objects but holds {data.Length} bytes");
        }

        return (new AvroBlock(count, data, dataOffset), offset + reader.Position);
    }
}
