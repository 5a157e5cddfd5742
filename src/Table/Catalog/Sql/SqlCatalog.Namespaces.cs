using System.Data.Common;

namespace Lakehouse.Table.Catalog.Sql;

/// <summary>Namespaces: rows of <c>iceberg_namespace_properties</c>, plus the namespaces tables live in.</summary>
public sealed partial class SqlCatalog
{
    public Task CreateNamespaceAsync(Namespace ns, IReadOnlyDictionary<string, string>? properties = null, CancellationToken cancellationToken = default)
    {
        RequireWritable();
        RequireNonEmpty(ns);
        var text = NamespaceText(ns);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal) { [ExistsProperty] = "true" };
        foreach (var (key, value) in properties ?? new Dictionary<string, string>())
        {
            rows[key] = value;
        }

        return RunAsync(
            async (connection, ct) =>
            {
                if (await NamespaceExistsAsync(connection, null, ns, ct).ConfigureAwait(false))
                {
                    throw new IcebergException(IcebergErrorKind.AlreadyExists, $"namespace already exists: {text}");
                }

                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                try
                {
                    foreach (var (key, value) in rows)
                    {
                        await ExecuteAsync(
                            connection,
                            transaction,
                            "INSERT INTO iceberg_namespace_properties (catalog_name, namespace, property_key, property_value) VALUES (@catalog, @namespace, @key, @value)",
                            ct,
                            ("@catalog", Name),
                            ("@namespace", text),
                            ("@key", key),
                            ("@value", value)).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }
                catch (DbException e) when (_dialect.IsUniqueViolation(e))
                {
                    throw new IcebergException(IcebergErrorKind.AlreadyExists, $"namespace already exists: {text}", e);
                }

                return true;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Namespace>> ListNamespacesAsync(Namespace? parent = null, CancellationToken cancellationToken = default)
    {
        parent ??= Namespace.Empty;
        return RunAsync<IReadOnlyList<Namespace>>(
            async (connection, ct) =>
            {
                if (!parent.IsEmpty && !await NamespaceExistsAsync(connection, null, parent, ct).ConfigureAwait(false))
                {
                    throw NamespaceNotFound(parent);
                }

                var all = await QueryStringsAsync(
                    connection,
                    null,
                    "SELECT table_namespace FROM iceberg_tables WHERE catalog_name = @catalog UNION SELECT namespace FROM iceberg_namespace_properties WHERE catalog_name = @catalog",
                    ct,
                    ("@catalog", Name)).ConfigureAwait(false);
                var depth = parent.Levels.Count + 1;
                var seen = new HashSet<Namespace>();
                var result = new List<Namespace>();
                foreach (var text in all)
                {
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    var levels = text.Split('.');
                    if (levels.Length < depth || !IsPrefix(parent.Levels, levels) || Array.IndexOf(levels, string.Empty) >= 0)
                    {
                        continue;
                    }

                    var child = new Namespace(levels[..depth]);
                    if (seen.Add(child))
                    {
                        result.Add(child);
                    }
                }

                result.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
                return result;
            },
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, string>> LoadNamespacePropertiesAsync(Namespace ns, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyDictionary<string, string>>(
            async (connection, ct) =>
            {
                if (!await NamespaceExistsAsync(connection, null, ns, ct).ConfigureAwait(false))
                {
                    throw NamespaceNotFound(ns);
                }

                using var command = Command(
                    connection,
                    null,
                    "SELECT property_key, property_value FROM iceberg_namespace_properties WHERE catalog_name = @catalog AND namespace = @namespace",
                    [("@catalog", Name), ("@namespace", NamespaceText(ns))]);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    result[reader.GetString(0)] = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
                }

                return result;
            },
            cancellationToken);

    public Task UpdateNamespacePropertiesAsync(Namespace ns, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove, CancellationToken cancellationToken = default)
    {
        RequireWritable();
        foreach (var key in remove)
        {
            if (set.ContainsKey(key))
            {
                throw IcebergException.Invalid($"namespace property '{key}' is both set and removed");
            }
        }

        var text = NamespaceText(ns);
        return RunAsync(
            async (connection, ct) =>
            {
                if (!await NamespaceExistsAsync(connection, null, ns, ct).ConfigureAwait(false))
                {
                    throw NamespaceNotFound(ns);
                }

                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                foreach (var key in remove.Concat(set.Keys))
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        "DELETE FROM iceberg_namespace_properties WHERE catalog_name = @catalog AND namespace = @namespace AND property_key = @key",
                        ct,
                        ("@catalog", Name),
                        ("@namespace", text),
                        ("@key", key)).ConfigureAwait(false);
                }

                foreach (var (key, value) in set)
                {
                    await ExecuteAsync(
                        connection,
                        transaction,
                        "INSERT INTO iceberg_namespace_properties (catalog_name, namespace, property_key, property_value) VALUES (@catalog, @namespace, @key, @value)",
                        ct,
                        ("@catalog", Name),
                        ("@namespace", text),
                        ("@key", key),
                        ("@value", value)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    public Task<bool> DropNamespaceAsync(Namespace ns, CancellationToken cancellationToken = default)
    {
        RequireWritable();
        RequireNonEmpty(ns);
        var text = NamespaceText(ns);
        return RunAsync(
            async (connection, ct) =>
            {
                if (!await NamespaceExistsAsync(connection, null, ns, ct).ConfigureAwait(false))
                {
                    return false;
                }

                var tables = await QueryStringsAsync(
                    connection,
                    null,
                    "SELECT table_name FROM iceberg_tables WHERE catalog_name = @catalog AND (table_namespace = @namespace OR table_namespace LIKE @children ESCAPE '!')",
                    ct,
                    ("@catalog", Name),
                    ("@namespace", text),
                    ("@children", ChildrenPattern(text))).ConfigureAwait(false);
                var children = await QueryStringsAsync(
                    connection,
                    null,
                    "SELECT namespace FROM iceberg_namespace_properties WHERE catalog_name = @catalog AND namespace LIKE @children ESCAPE '!'",
                    ct,
                    ("@catalog", Name),
                    ("@children", ChildrenPattern(text))).ConfigureAwait(false);
                if (tables.Count > 0 || children.Exists(c => c.StartsWith(text + ".", StringComparison.Ordinal)))
                {
                    throw IcebergException.Invalid($"namespace {text} is not empty ({tables.Count} tables)");
                }

                await ExecuteAsync(
                    connection,
                    null,
                    "DELETE FROM iceberg_namespace_properties WHERE catalog_name = @catalog AND namespace = @namespace",
                    ct,
                    ("@catalog", Name),
                    ("@namespace", text)).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>True when the namespace has properties, or a table (or view) lives in it or below it.</summary>
    public Task<bool> NamespaceExistsAsync(Namespace ns, CancellationToken cancellationToken = default) =>
        ns.IsEmpty ? Task.FromResult(true) : RunAsync((connection, ct) => NamespaceExistsAsync(connection, null, ns, ct), cancellationToken);

    private async Task<bool> NamespaceExistsAsync(DbConnection connection, DbTransaction? transaction, Namespace ns, CancellationToken cancellationToken)
    {
        var text = NamespaceText(ns);
        var candidates = await QueryStringsAsync(
            connection,
            transaction,
            "SELECT table_namespace FROM iceberg_tables WHERE catalog_name = @catalog AND (table_namespace = @namespace OR table_namespace LIKE @children ESCAPE '!') "
            + "UNION SELECT namespace FROM iceberg_namespace_properties WHERE catalog_name = @catalog AND (namespace = @namespace OR namespace LIKE @children ESCAPE '!')",
            cancellationToken,
            ("@catalog", Name),
            ("@namespace", text),
            ("@children", ChildrenPattern(text))).ConfigureAwait(false);

        // LIKE is case-insensitive in SQLite: confirm each candidate exactly.
        return candidates.Exists(c => string.Equals(c, text, StringComparison.Ordinal) || c.StartsWith(text + ".", StringComparison.Ordinal));
    }

    private static bool IsPrefix(IReadOnlyList<string> prefix, string[] levels)
    {
        for (var i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(prefix[i], levels[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void RequireNonEmpty(Namespace ns)
    {
        if (ns.IsEmpty)
        {
            throw IcebergException.Invalid("the empty namespace cannot be created or dropped");
        }
    }

    private static IcebergException NamespaceNotFound(Namespace ns) => new(IcebergErrorKind.NotFound, $"namespace does not exist: {ns}");
}
