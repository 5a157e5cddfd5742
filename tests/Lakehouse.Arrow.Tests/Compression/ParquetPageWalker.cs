using System.Buffers.Binary;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>
/// Test-only: walks the pages of a Parquet file, finding column chunks through the footer and reading just
/// enough of the Thrift compact FileMetaData and PageHeader structures to locate each compressed payload. Lets the codec
/// tests use real pages written by parquet-mr, Arrow C++ and others without the Parquet reader.
/// </summary>
internal static class ParquetPageWalker
{
    public readonly record struct Page(int Type, int UncompressedSize, ReadOnlyMemory<byte> Payload, int? Crc, int LevelsLength, bool IsCompressed, int Codec = 0);

    /// <summary>A column chunk as the footer describes it: Parquet codec id and the byte range of its pages.</summary>
    public readonly record struct Chunk(int Codec, long Start, long Length);

    /// <summary>Every page of every column chunk listed in the footer (an unencrypted footer is required).</summary>
    public static List<Page> Pages(byte[] file)
    {
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        var footer = new Reader(file, file.Length - 8 - footerLength);
        var chunks = new List<Chunk>();
        ReadFileMetaData(ref footer, chunks);
        var pages = new List<Page>();
        foreach (var chunk in chunks)
        {
            var pos = checked((int)chunk.Start);
            var end = checked((int)(chunk.Start + chunk.Length));
            if (pos < 4 || end > file.Length)
            {
                throw new InvalidDataException($"column chunk [{chunk.Start}, {chunk.Start + chunk.Length}) outside the file");
            }

            while (pos < end)
            {
                var reader = new Reader(file, pos);
                var (page, compressedSize) = ReadHeader(ref reader);
                if (reader.Position + compressedSize > end)
                {
                    throw new InvalidDataException($"page at {pos} runs past its column chunk");
                }

                pages.Add(page with { Payload = file.AsMemory(reader.Position, compressedSize), Codec = chunk.Codec });
                pos = reader.Position + compressedSize;
            }
        }

        return pages;
    }

    private static void ReadFileMetaData(ref Reader reader, List<Chunk> chunks)
    {
        short last = 0;
        while (true)
        {
            var (id, kind) = reader.FieldHeader(ref last);
            if (kind == 0)
            {
                return;
            }

            if (id == 4 && kind == 9)
            {
                var count = reader.ListHeader(out _);
                for (var i = 0; i < count; i++)
                {
                    ReadRowGroup(ref reader, chunks);
                }
            }
            else
            {
                reader.Skip(kind);
            }
        }
    }

    private static void ReadRowGroup(ref Reader reader, List<Chunk> chunks)
    {
        short last = 0;
        while (true)
        {
            var (id, kind) = reader.FieldHeader(ref last);
            if (kind == 0)
            {
                return;
            }

            if (id == 1 && kind == 9)
            {
                var count = reader.ListHeader(out _);
                for (var i = 0; i < count; i++)
                {
                    ReadColumnChunk(ref reader, chunks);
                }
            }
            else
            {
                reader.Skip(kind);
            }
        }
    }

    private static void ReadColumnChunk(ref Reader reader, List<Chunk> chunks)
    {
        short last = 0;
        while (true)
        {
            var (id, kind) = reader.FieldHeader(ref last);
            if (kind == 0)
            {
                return;
            }

            if (id != 3 || kind != 12)
            {
                reader.Skip(kind);
                continue;
            }

            // ColumnMetaData: 4 codec, 7 total_compressed_size, 9 data_page_offset, 11 dictionary_page_offset.
            int codec = 0;
            long total = 0, data = 0, dictionary = 0;
            short inner = 0;
            while (true)
            {
                var (fid, fkind) = reader.FieldHeader(ref inner);
                if (fkind == 0)
                {
                    break;
                }

                switch (fid)
                {
                    case 4 when fkind == 5:
                        codec = reader.Int();
                        break;
                    case 7 when fkind == 6:
                        total = reader.Long();
                        break;
                    case 9 when fkind == 6:
                        data = reader.Long();
                        break;
                    case 11 when fkind == 6:
                        dictionary = reader.Long();
                        break;
                    default:
                        reader.Skip(fkind);
                        break;
                }
            }

            // Some writers record a zero dictionary offset for chunks without a dictionary.
            var start = dictionary > 0 && dictionary < data ? dictionary : data;
            chunks.Add(new Chunk(codec, start, total));
        }
    }

    private static (Page Page, int CompressedSize) ReadHeader(ref Reader reader)
    {
        int type = -1, uncompressed = -1, compressed = -1, levels = 0;
        int? crc = null;
        var isCompressed = true;
        short last = 0;
        while (true)
        {
            var (id, kind) = reader.FieldHeader(ref last);
            if (kind == 0)
            {
                break;
            }

            switch (id)
            {
                case 1 when kind == 5:
                    type = reader.Int();
                    break;
                case 2 when kind == 5:
                    uncompressed = reader.Int();
                    break;
                case 3 when kind == 5:
                    compressed = reader.Int();
                    break;
                case 4 when kind == 5:
                    crc = reader.Int();
                    break;
                case 8 when kind == 12:
                {
                    short inner = 0;
                    while (true)
                    {
                        var (fid, fkind) = reader.FieldHeader(ref inner);
                        if (fkind == 0)
                        {
                            break;
                        }

                        if (fid is 5 or 6 && fkind == 5)
                        {
                            levels += reader.Int();
                        }
                        else if (fid == 7 && fkind is 1 or 2)
                        {
                            isCompressed = fkind == 1;
                        }
                        else
                        {
                            reader.Skip(fkind);
                        }
                    }

                    break;
                }

                default:
                    reader.Skip(kind);
                    break;
            }
        }

        return (new Page(type, uncompressed, default, crc, levels, isCompressed), compressed);
    }

    private ref struct Reader(byte[] data, int position)
    {
        private readonly byte[] _data = data;

        public int Position { get; private set; } = position;

        public (short Id, int Kind) FieldHeader(ref short last)
        {
            var b = _data[Position++];
            var kind = b & 0x0F;
            if (kind == 0)
            {
                return (0, 0);
            }

            var delta = b >> 4;
            last = delta == 0 ? (short)ZigZag(Varint()) : (short)(last + delta);
            return (last, kind);
        }

        public int Int() => (int)ZigZag(Varint());

        public long Long() => ZigZag(Varint());

        public int ListHeader(out int elementType)
        {
            var header = _data[Position++];
            elementType = header & 0x0F;
            return header >> 4 == 15 ? checked((int)Varint()) : header >> 4;
        }

        public void Skip(int kind)
        {
            switch (kind)
            {
                case 1 or 2:
                    break;
                case 3:
                    Position++;
                    break;
                case 4 or 5 or 6:
                    Varint();
                    break;
                case 7:
                    Position += 8;
                    break;
                case 8:
                {
                    // Read the length first: `Position += Varint()` would add to the position before the varint.
                    var length = checked((int)Varint());
                    Position += length;
                    break;
                }
                case 9 or 10:
                {
                    var header = _data[Position++];
                    var count = header >> 4 == 15 ? (int)Varint() : header >> 4;
                    for (var i = 0; i < count; i++)
                    {
                        if ((header & 0x0F) is 1 or 2)
                        {
                            Position++;
                        }
                        else
                        {
                            Skip(header & 0x0F);
                        }
                    }

                    break;
                }

                case 11:
                {
                    var count = (int)Varint();
                    if (count > 0)
                    {
                        var types = _data[Position++];
                        for (var i = 0; i < count; i++)
                        {
                            Skip(types >> 4);
                            Skip(types & 0x0F);
                        }
                    }

                    break;
                }

                case 12:
                {
                    short last = 0;
                    while (true)
                    {
                        var (_, k) = FieldHeader(ref last);
                        if (k == 0)
                        {
                            break;
                        }

                        Skip(k);
                    }

                    break;
                }

                default:
                    throw new InvalidDataException($"thrift type {kind}");
            }
        }

        private ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = _data[Position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("varint too long");
        }

        private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
    }
}
