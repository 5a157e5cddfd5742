using System.Text.Json;

using Lakehouse.Flight.Sql;

namespace Lakehouse.Flight.Auth;

/// <summary>
/// Users and the anonymous policy, loaded from a JSON or YAML users file (spec/flight.md):
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

    /// <summary>
    /// Loads a users file: YAML when the name ends in .yaml/.yml or the text does not start with '{',
    /// JSON otherwise. Both forms have the same keys.
    /// </summary>
    public static UserStore Load(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            return IsYaml(path, text) ? ParseYaml(text) : Parse(JsonDocument.Parse(text).RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or YamlDotNet.Core.YamlException)
        {
            throw new FormatException($"users file {path}: {e.Message}", e);
        }
    }

    /// <summary>Parses the YAML form of the users file (same keys as the JSON form).</summary>
    public static UserStore ParseYaml(string yaml)
    {
        using var reader = new StringReader(yaml);
        var root = YamlJson.Parse(reader);
        return root.ValueKind == JsonValueKind.Object ? Parse(root) : throw new FormatException("the users file must be a mapping");
    }

    private static bool IsYaml(string path, string text)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return !extension.Equals(".json", StringComparison.OrdinalIgnoreCase) && !text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal);
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
