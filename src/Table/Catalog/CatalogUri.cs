using Lakehouse.Table.Catalog.Sql;
using Npgsql;

namespace Lakehouse.Table.Catalog;

/// <summary>
/// Parses catalog URIs (contract in spec/configuration.md):
/// <list type="bullet">
/// <item><c>sqlite:PATH</c> — a SQLite file (relative to the current folder unless absolute); also SQLAlchemy's
/// <c>sqlite:///relative.db</c> / <c>sqlite:////abs/path.db</c> and JDBC's <c>jdbc:sqlite:PATH</c>;
/// <c>?mode=ro</c> opens it read-only;</item>
/// <item><c>postgresql://user:pass@host:port/db?param=value</c> (also <c>postgres://</c>, <c>jdbc:postgresql://</c>,
/// SQLAlchemy's <c>postgresql+psycopg2://</c>); query parameters are Npgsql connection-string keywords
/// (e.g. <c>sslmode=disable</c>);</item>
/// <item><c>postgresql:Host=…;Port=…;Username=…;Password=…;Database=…</c> — an Npgsql connection string.</item>
/// </list>
/// </summary>
public static class CatalogUri
{
    /// <summary>The dialect a catalog URI names.</summary>
    public static SqlDialect CreateDialect(string uri, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = uri.Trim();
        if (text.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[5..];
        }

        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text[7..];
            var query = path.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                foreach (var pair in path[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (pair.Equals("mode=ro", StringComparison.OrdinalIgnoreCase))
                    {
                        readOnly = true;
                    }
                    else if (!pair.Equals("mode=rw", StringComparison.OrdinalIgnoreCase) && !pair.Equals("mode=rwc", StringComparison.OrdinalIgnoreCase))
                    {
                        throw IcebergException.Invalid($"catalog URI {uri}: unknown SQLite option '{pair}' (known: mode=ro)");
                    }
                }

                path = path[..query];
            }

            if (path.StartsWith("///", StringComparison.Ordinal))
            {
                // SQLAlchemy: sqlite:///relative.db, sqlite:////absolute.db.
                path = path[3..];
            }
            else if (path.StartsWith("//", StringComparison.Ordinal))
            {
                throw IcebergException.Invalid($"catalog URI {uri}: a SQLite URI names a file: sqlite:PATH or sqlite:///PATH");
            }

            if (path.Length == 0)
            {
                throw IcebergException.Invalid($"catalog URI {uri}: no database file");
            }

            return new SqliteDialect(path, readOnly);
        }

        if (TryPostgresConnectionString(text, out var connectionString))
        {
            return new PostgresDialect(connectionString, readOnly);
        }

        throw IcebergException.Invalid($"unknown catalog URI '{uri}': expected sqlite:PATH, postgresql://user:password@host:port/database or postgresql:<Npgsql connection string>");
    }

    /// <summary>The Npgsql connection string of a PostgreSQL catalog URI.</summary>
    public static bool TryPostgresConnectionString(string uri, out string connectionString)
    {
        connectionString = string.Empty;
        var text = uri.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase) ? uri[5..] : uri;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var scheme = text[..colon].ToLowerInvariant();
        var plus = scheme.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            scheme = scheme[..plus];
        }

        if (scheme is not ("postgresql" or "postgres"))
        {
            return false;
        }

        var rest = text[(colon + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            connectionString = new NpgsqlConnectionStringBuilder(rest).ConnectionString;
            return true;
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var body = rest[2..];
        var queryStart = body.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart >= 0 ? body[(queryStart + 1)..] : string.Empty;
        body = queryStart >= 0 ? body[..queryStart] : body;
        var slash = body.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? body[..slash] : body;
        if (slash >= 0 && slash + 1 < body.Length)
        {
            builder.Database = Uri.UnescapeDataString(body[(slash + 1)..]);
        }

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var user = authority[..at];
            authority = authority[(at + 1)..];
            var userColon = user.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(userColon >= 0 ? user[..userColon] : user);
            if (userColon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(user[(userColon + 1)..]);
            }
        }

        var portColon = authority.LastIndexOf(':');
        if (portColon >= 0 && !authority.EndsWith(']'))
        {
            if (!int.TryParse(authority[(portColon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
            {
                throw IcebergException.Invalid($"catalog URI {uri}: bad port");
            }

            builder.Port = port;
            authority = authority[..portColon];
        }

        builder.Host = authority.Length > 0 ? authority.Trim('[', ']') : "localhost";
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq >= 0 ? pair[..eq] : pair);
            var value = eq >= 0 ? Uri.UnescapeDataString(pair[(eq + 1)..]) : "true";
            if (key.Equals("user", StringComparison.OrdinalIgnoreCase))
            {
                key = "Username";
            }

            try
            {
                builder[key] = value;
            }
            catch (ArgumentException e)
            {
                throw IcebergException.Invalid($"catalog URI {uri}: unknown connection parameter '{key}'", e);
            }
        }

        connectionString = builder.ConnectionString;
        return true;
    }
}
