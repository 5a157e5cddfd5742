using System.Collections.Concurrent;
using System.Security.Cryptography;

using Lakehouse.Flight.Sql;

namespace Lakehouse.Flight.Auth;

/// <summary>Issues random Bearer tokens (256 bits) for authenticated users and resolves them until they expire.</summary>
public sealed class TokenIssuer(TimeSpan lifetime, TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, (FlightSqlUser User, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Issue(FlightSqlUser user)
    {
        Sweep();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = (user, _time.GetUtcNow() + lifetime);
        return token;
    }

    public FlightSqlUser? Resolve(string token)
    {
        if (_tokens.TryGetValue(token, out var entry))
        {
            if (entry.Expires > _time.GetUtcNow())
            {
                return entry.User;
            }

            _tokens.TryRemove(token, out _);
        }

        return null;
    }

    public void Revoke(string token) => _tokens.TryRemove(token, out _);

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (token, entry) in _tokens)
        {
            if (entry.Expires <= now)
            {
                _tokens.TryRemove(token, out _);
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
