using Lakehouse.Arrow.Flatbuffers;

namespace Lakehouse.Arrow.Ipc;

/// <summary>The fields of a Message table that framing and decoding need.</summary>
internal readonly record struct ParsedMessage(MetadataVersion Version, MessageHeaderType HeaderType, FlatTable Header, long BodyLength)
{
    public static ParsedMessage Parse(ReadOnlyMemory<byte> metadata, string? source, long offset)
    {
        FlatTable message;
        try
        {
            message = FlatTable.Root(metadata);
        }
        catch (CorruptFileException e)
        {
            throw new CorruptFileException(source, offset, $"message metadata: {e.Problem ?? e.Message}", e);
        }

        var version = message.GetInt16(FlatSlots.MessageVersion);
        if (version > (short)MetadataVersion.V5)
        {
            throw new NotSupportedException($"Arrow IPC: unsupported metadata version V{version + 1} (this reader supports V4 and V5)");
        }

        if (version < (short)MetadataVersion.V4)
        {
            throw new NotSupportedException($"Arrow IPC: metadata version V{version + 1} predates Arrow 0.8 and is not supported");
        }

        var bodyLength = message.GetInt64(FlatSlots.MessageBodyLength);
        if (bodyLength < 0 || bodyLength > int.MaxValue - 64)
        {
            throw new CorruptFileException(source, offset, $"message body length {bodyLength} is out of range");
        }

        var headerType = (MessageHeaderType)message.GetByte(FlatSlots.MessageHeaderType);
        return new ParsedMessage((MetadataVersion)version, headerType, message.GetTable(FlatSlots.MessageHeader), bodyLength);
    }
}
