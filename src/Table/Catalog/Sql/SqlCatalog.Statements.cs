using System.Data.Common;

namespace Lakehouse.Table.Catalog.Sql;

/// <summary>The catalog's SQL: the DDL of the shared layout and small helpers to run parameterized statements.</summary>
public sealed partial class SqlCatalog
{
    // The column types and keys both Iceberg Java (JdbcUtil, schema V1) and PyIceberg (SqlCatalog) use.
    private const string CreateTablesTableSql =
        "CREATE TABLE IF NOT EXISTS iceberg_tables ("
        + "catalog_name VARCHAR(255) NOT NULL, "
        + "table_namespace VARCHAR(255) NOT NULL, "
        + "table_name VARCHAR(255) NOT NULL, "
        + "metadata_location VARCHAR(1000), "
        + "previous_metadata_location VARCHAR(1000), "
        + "iceberg_type VARCHAR(5), "
        + "PRIMARY KEY (catalog_name, table_namespace, table_name))";

    private const string CreateNamespacePropertiesTableSql =
        "CREATE TABLE IF NOT EXISTS iceberg_namespace_properties ("
        + "catalog_name VARCHAR(255) NOT NULL, "
        + "namespace VARCHAR(255) NOT NULL, "
        + "property_key VARCHAR(255) NOT NULL, "
        + "property_value VARCHAR(1000), "
        + "PRIMARY KEY (catalog_name, namespace, property_key))";

    private const string ExistsProperty = "exists";

    /// <summary>Rows that are tables: all rows of a catalog without <c>iceberg_type</c>; else 'TABLE' or NULL.</summary>
    private string TableRowFilter => _hasRecordType ? " AND (iceberg_type = 'TABLE' OR iceberg_type IS NULL)" : string.Empty;

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first column of every row, as strings (NULL rows skipped).</summary>
    private static async Task<List<string>> QueryStringsAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!reader.IsDBNull(0))
            {
                result.Add(reader.GetString(0));
            }
        }

        return result;
    }

    /// <summary>A LIKE pattern for every namespace strictly below <paramref name="ns"/> ('!' escapes '%', '_' and itself).</summary>
    private static string ChildrenPattern(string ns) =>
        ns.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal) + ".%";

    private static string NamespaceText(Namespace ns) => ns.ToString();
}
