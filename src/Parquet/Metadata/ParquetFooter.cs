using System.Buffers;
using System.Buffers.Binary;
using Lakehouse.Arrow;
using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>
/// The file's tail: <c>FileMetaData | footer length (int32 LE) | "PAR1"</c>. Files with an encrypted footer
/// end in "PARE" and are refused with <see cref="NotSupportedException"/>.
/// </summary>
public static class ParquetFooter
{
    public const int MagicLength = 4;

    /// <summary>Size of the length + magic trailer.</summary>
    public const int TrailerLength = 8;

    public static ReadOnlySpan<byte> Magic => "PAR1"u8;

    public static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    /// <summary>Validates the 8-byte trailer and returns the footer length.</summary>
    public static int ReadFooterLength(ReadOnlySpan<byte> trailer, long fileLength, string? source)
    {
        if (fileLength < MagicLength + TrailerLength)
        {
            throw new CorruptFileException(source, 0, $"file of {fileLength} bytes is too small to be Parquet");
        }

        var magic = trailer.Slice(4, 4);
        if (magic.SequenceEqual(EncryptedMagic))
        {
            throw new NotSupportedException($"{source ?? "file"}: Parquet modular encryption (encrypted footer, magic PARE) is not supported");
        }

        if (!magic.SequenceEqual(Magic))
        {
            throw new CorruptFileException(source, fileLength - 4, "file does not end with the Parquet magic PAR1");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(trailer);
        if (length <= 0 || length > fileLength - MagicLength - TrailerLength)
        {
            throw new CorruptFileException(source, fileLength - TrailerLength, $"footer length {length} does not fit in a file of {fileLength} bytes");
        }

        return length;
    }

    /// <summary>Parses the footer bytes; rejects plaintext-footer encrypted files.</summary>
    public static FileMetaData ReadFileMetaData(ReadOnlySpan<byte> footer, string? source, long footerOffset)
    {
        var metadata = FileMetaData.Read(footer, source, footerOffset);
        if (metadata.IsEncrypted || HasEncryptedColumns(metadata))
        {
            throw new NotSupportedException($"{source ?? "file"}: Parquet modular encryption (encrypted columns) is not supported");
        }

        return metadata;
    }

    /// <summary>Serializes <paramref name="metadata"/> followed by its length and the magic.</summary>
    public static void Write(FileMetaData metadata, IBufferWriter<byte> output)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        metadata.Write(new CompactWriter(buffer));
        output.Write(buffer.WrittenSpan);
        var tail = output.GetSpan(TrailerLength);
        BinaryPrimitives.WriteInt32LittleEndian(tail, buffer.WrittenCount);
        Magic.CopyTo(tail[4..]);
        output.Advance(TrailerLength);
    }

    private static bool HasEncryptedColumns(FileMetaData metadata)
    {
        foreach (var g in metadata.RowGroups)
        {
            foreach (var c in g.Columns)
            {
                if (c.IsEncrypted)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
