using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lakehouse.Flight.Auth;

/// <summary>
/// Password hashes for the users file: <c>pbkdf2-sha256:ITERATIONS:SALT_BASE64:HASH_BASE64</c>
/// (PBKDF2 with HMAC-SHA-256, 16-byte salt, 32-byte hash). Verification is constant-time.
/// </summary>
public static class PasswordHash
{
    public const string Prefix = "pbkdf2-sha256";
    public const int DefaultIterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Create(string password, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{iterations}:{Convert.ToBase64String(salt)}:{Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="encoded"/> is well formed (throws <see cref="FormatException"/> otherwise).</summary>
    public static void Validate(string encoded) => Parse(encoded);

    public static bool Verify(string password, string encoded)
    {
        var (iterations, salt, expected) = Parse(encoded);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static (int Iterations, byte[] Salt, byte[] Hash) Parse(string encoded)
    {
        var parts = encoded.Split(':');
        if (parts.Length != 4 || parts[0] != Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 1 or > 10_000_000)
        {
            throw new FormatException($"a password hash must look like {Prefix}:ITERATIONS:SALT_BASE64:HASH_BASE64");
        }

        var salt = Convert.FromBase64String(parts[2]);
        var hash = Convert.FromBase64String(parts[3]);
        if (salt.Length < 8 || hash.Length < 16)
        {
            throw new FormatException("password hash: salt or hash too short");
        }

        return (iterations, salt, hash);
    }
}
