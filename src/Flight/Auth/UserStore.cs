using System.Text.Json;

using Lakehouse.Flight.Sql;

namespace Lakehouse.Flight.Auth;

/// <summary>
/// Users and the anonymous policy, loaded from a JSON users file (spec/flight.md):
/// <code>
/// { "users": [ { "name": "alice", "password": "pbkdf2-sha256:210000:SALT:HASH", "role": "admin" } ],
///   "anonymous": { "enabled": false, "role": "reader", "loopbackOnly": true } }
/// </code>
/// </summary>
public sealed class UserStore
{
    private readonly Dictionary<string, UserEntry> _users = new(StringComparer.Ordinal);

    public UserStore(IEnumerable<UserEntry> users, AnonymousAccess anonymous)
    {
        foreach (var user in users)
        {
            Auth.PasswordHash.Validate(user.PasswordHash);
            if (!_users.TryAdd(user.Name, user))
            {
                throw new FormatException($"users file: user '{user.Name}' is listed twice");
            }
        }

        Anonymous = anonymous;
    }

    public AnonymousAccess Anonymous { get; }

    public int Count => _users.Count;

    /// <summary>The embedded default: no users; anonymous callers are admins, from loopback addresses only.</summary>
    public static UserStore LoopbackAnonymous { get; } = new([], new AnonymousAccess(true, FlightSqlRole.Admin, LoopbackOnly: true));

    public FlightSqlUser? Authenticate(string name, string password) =>
        _users.TryGetValue(name, out var user) && Auth.PasswordHash.Verify(password, user.PasswordHash) ? new FlightSqlUser(user.Name, user.Role) : null;

    public static UserStore Load(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Parse(JsonDocument.Parse(stream).RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"users file {path}: {e.Message}", e);
        }
    }

    public static UserStore Parse(JsonElement root)
    {
        var users = new List<UserEntry>();
        if (root.TryGetProperty("users", out var list))
        {
            foreach (var u in list.EnumerateArray())
            {
                var name = u.GetProperty("name").GetString() ?? throw new FormatException("user without a name");
                var hash = u.GetProperty("password").GetString() ?? throw new FormatException($"user '{name}' has no password hash");
                users.Add(new UserEntry(name, hash, ParseRole(u.TryGetProperty("role", out var r) ? r.GetString() : null)));
            }
        }

        var anonymous = new AnonymousAccess(false, FlightSqlRole.Reader, true);
        if (root.TryGetProperty("anonymous", out var a))
        {
            anonymous = new AnonymousAccess(
                a.TryGetProperty("enabled", out var e) && e.GetBoolean(),
                ParseRole(a.TryGetProperty("role", out var r) ? r.GetString() : null),
                !a.TryGetProperty("loopbackOnly", out var l) || l.GetBoolean());
        }

        return new UserStore(users, anonymous);
    }

    private static FlightSqlRole ParseRole(string? role) => role switch
    {
        null or "reader" => FlightSqlRole.Reader,
        "admin" => FlightSqlRole.Admin,
        _ => throw new FormatException($"unknown role '{role}' (reader or admin)"),
    };
}
