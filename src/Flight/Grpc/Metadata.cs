using System.Collections;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// gRPC metadata: an ordered multi-map of lower-case ASCII keys to values, carried as HTTP/2 headers or
/// trailers. Keys ending in <c>-bin</c> hold binary values, base64-encoded on the wire.
/// </summary>
public sealed class Metadata : IEnumerable<KeyValuePair<string, string>>
{
    public const string BinarySuffix = "-bin";

    private readonly List<KeyValuePair<string, string>> _entries = [];

    public int Count => _entries.Count;

    public Metadata Add(string key, string value)
    {
        key = NormalizeKey(key);
        if (key.EndsWith(BinarySuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"metadata key '{key}' is binary: use AddBinary", nameof(key));
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"metadata value for '{key}' must be printable ASCII", nameof(value));
            }
        }

        _entries.Add(new(key, value));
        return this;
    }

    public Metadata AddBinary(string key, ReadOnlySpan<byte> value)
    {
        key = NormalizeKey(key);
        if (!key.EndsWith(BinarySuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"binary metadata key '{key}' must end with {BinarySuffix}", nameof(key));
        }

        _entries.Add(new(key, Convert.ToBase64String(value)));
        return this;
    }

    /// <summary>The last value for <paramref name="key"/>, or null.</summary>
    public string? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i].Value;
            }
        }

        return null;
    }

    public byte[]? GetBinary(string key)
    {
        var value = Get(key);
        return value is null ? null : DecodeBase64(value);
    }

    public IEnumerable<string> GetAll(string key)
    {
        foreach (var e in _entries)
        {
            if (string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                yield return e.Value;
            }
        }
    }

    public bool Remove(string key) => _entries.RemoveAll(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)) > 0;

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds a value received from the wire without validation (keys are already lower case).</summary>
    internal void AddRaw(string key, string value) => _entries.Add(new(key, value));

    /// <summary>Headers that belong to the protocol, not to the application's metadata.</summary>
    internal static bool IsReserved(string key) =>
        key.Length == 0 || key[0] == ':'
        || key.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || key.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || key.Equals("te", StringComparison.OrdinalIgnoreCase)
        || key.Equals("host", StringComparison.OrdinalIgnoreCase)
        || key.Equals("grpc-status", StringComparison.OrdinalIgnoreCase)
        || key.Equals("grpc-message", StringComparison.OrdinalIgnoreCase)
        || key.Equals("grpc-timeout", StringComparison.OrdinalIgnoreCase)
        || key.Equals("grpc-encoding", StringComparison.OrdinalIgnoreCase)
        || key.Equals("grpc-accept-encoding", StringComparison.OrdinalIgnoreCase);

    private static byte[] DecodeBase64(string value)
    {
        // Senders may omit the padding.
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        return Convert.FromBase64String(padded);
    }

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        foreach (var c in key)
        {
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.';
            if (!ok)
            {
                throw new ArgumentException($"metadata key '{key}' has an invalid character '{c}'", nameof(key));
            }
        }

        return key.ToLowerInvariant();
    }
}
