using System.Buffers;

namespace Lakehouse.Flight.Grpc;

/// <summary>Turns messages of type <typeparamref name="T"/> into bytes and back.</summary>
public sealed class Marshaller<T>
{
    public Marshaller(Action<T, IBufferWriter<byte>> serializer, Func<ReadOnlySequence<byte>, T> deserializer)
    {
        Serializer = serializer;
        Deserializer = deserializer;
    }

    public Action<T, IBufferWriter<byte>> Serializer { get; }

    public Func<ReadOnlySequence<byte>, T> Deserializer { get; }
}
