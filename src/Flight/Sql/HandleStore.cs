using System.Collections.Concurrent;
using System.Security.Cryptography;

using Google.Protobuf;

namespace Lakehouse.Flight.Sql;

/// <summary>Random 128-bit handles mapped to server-side objects, expired after an idle lifetime.</summary>
internal sealed class HandleStore<T>(Func<T, DateTimeOffset> expires, int capacity)
    where T : class
{
    private readonly ConcurrentDictionary<ByteString, T> _items = new();

    public int Count => _items.Count;

    public ByteString Add(T item, DateTimeOffset now)
    {
        if (_items.Count >= capacity)
        {
            Sweep(now);
            if (_items.Count >= capacity)
            {
                throw new Grpc.RpcException(Grpc.StatusCode.ResourceExhausted, $"too many open handles ({capacity}); close prepared statements or redeem tickets");
            }
        }

        var handle = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(16));
        _items[handle] = item;
        return handle;
    }

    public T? Get(ByteString handle, DateTimeOffset now)
    {
        if (_items.TryGetValue(handle, out var item))
        {
            if (expires(item) > now)
            {
                return item;
            }

            _items.TryRemove(handle, out _);
        }

        return null;
    }

    public bool Remove(ByteString handle) => _items.TryRemove(handle, out _);

    public void RemoveWhere(Func<T, bool> predicate)
    {
        foreach (var (handle, item) in _items)
        {
            if (predicate(item))
            {
                _items.TryRemove(handle, out _);
            }
        }
    }

    public void Sweep(DateTimeOffset now) => RemoveWhere(item => expires(item) <= now);
}
