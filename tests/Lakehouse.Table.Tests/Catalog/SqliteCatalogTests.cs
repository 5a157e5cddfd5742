using Lakehouse.Table.Catalog;
using Lakehouse.Table.Catalog.Sql;
using Lakehouse.Table.IO;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Catalog;

/// <summary>The SQL catalog on SQLite (one database file per test class instance).</summary>
public sealed class SqliteCatalogTests : SqlCatalogContract, IDisposable
{
    private readonly string _directory = RepoPaths.NewTempDirectory("sqlite-catalog");

    private string DatabasePath => Path.Combine(_directory, "catalog.db");

    protected override SqlCatalog Open(string name) =>
        new(name, Path.Combine(_directory, "warehouse"), LocalFileIO.Instance, new SqliteDialect(DatabasePath));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [SkippableFact]
    public async Task NewDatabaseHasTheJdbcCatalogLayoutInWalMode()
    {
        await using (var catalog = Open("lakehouse"))
        {
            await catalog.InitializeAsync();
            Assert.True(catalog.HasRecordTypeColumn);
            await catalog.RegisterTableAsync(TableIdentifier.Parse("db.t"), "/m.metadata.json");
        }

        var layout = Sqlite3(DatabasePath, "PRAGMA journal_mode; SELECT name FROM pragma_table_info('iceberg_tables'); SELECT name FROM pragma_table_info('iceberg_namespace_properties'); SELECT * FROM iceberg_tables;");
        Assert.Equal(
            [
                "wal",
                "catalog_name", "table_namespace", "table_name", "metadata_location", "previous_metadata_location", "iceberg_type",
                "catalog_name", "namespace", "property_key", "property_value",
                "lakehouse|db|t|/m.metadata.json||TABLE",
            ],
            layout);
    }

    [SkippableFact]
    public async Task ViewsOfJavaCatalogsAreNotTables()
    {
        await using (var catalog = Open("c"))
        {
            await catalog.InitializeAsync();
        }

        Sqlite3(DatabasePath, "INSERT INTO iceberg_tables VALUES ('c', 'db', 'v', '/v.metadata.json', NULL, 'VIEW'); INSERT INTO iceberg_tables VALUES ('c', 'db', 'old', '/o.metadata.json', NULL, NULL);");
        await using var reopened = Open("c");
        Assert.Equal(["old"], (await reopened.ListTablesAsync(Namespace.Of("db"))).Select(t => t.Name));
        Assert.False(await reopened.TableExistsAsync(TableIdentifier.Parse("db.v")));
        Assert.False(await reopened.DropTableAsync(TableIdentifier.Parse("db.v")));
        Assert.True(await reopened.NamespaceExistsAsync(Namespace.Of("db")));
    }

    [SkippableFact]
    public async Task CommitsFromAnotherProcessInterleaveWithOurs()
    {
        // python3's sqlite3 module runs the same CAS statement in a separate process while our tasks commit.
        Skip.If(!CommandExists("python3"), "python3 is not installed");
        var name = "xproc";
        var id = TableIdentifier.Parse("db.t");
        await using (var setup = Open(name))
        {
            await setup.RegisterTableAsync(id, "v-start");
        }

        const int ourCommits = 40;
        const int theirCommits = 40;
        var script = """
            import sqlite3, sys, time, random
            db, n = sys.argv[1], int(sys.argv[2])
            con = sqlite3.connect(db, timeout=30, isolation_level=None)
            random.seed(7)
            done = 0
            while done < n:
                cur = con.execute("SELECT metadata_location FROM iceberg_tables WHERE catalog_name='xproc' AND table_namespace='db' AND table_name='t'").fetchone()[0]
                new = 'py-%d' % done
                rows = con.execute("UPDATE iceberg_tables SET metadata_location=?, previous_metadata_location=? WHERE catalog_name='xproc' AND table_namespace='db' AND table_name='t' AND metadata_location=?", (new, cur, cur)).rowcount
                if rows == 1:
                    print(cur + ' ' + new, flush=True)
                    done += 1
                time.sleep(random.random() * 0.002)
            """;
        var scriptPath = Path.Combine(_directory, "cas.py");
        await File.WriteAllTextAsync(scriptPath, script);
        var python = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("python3", [scriptPath, DatabasePath, theirCommits.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var theirOutput = python.StandardOutput.ReadToEndAsync();
        var theirErrors = python.StandardError.ReadToEndAsync();

        var transitions = new List<(string From, string To)>();
        await using (var catalog = Open(name))
        {
            for (var i = 0; i < ourCommits; i++)
            {
                while (true)
                {
                    var current = await catalog.LoadMetadataLocationAsync(id);
                    try
                    {
                        await catalog.CommitTableAsync(id, current, $"cs-{i}");
                        transitions.Add((current, $"cs-{i}"));
                        break;
                    }
                    catch (CommitConflictException)
                    {
                    }
                }
            }
        }

        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, await theirErrors);
        foreach (var line in (await theirOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            transitions.Add((parts[0], parts[1]));
        }

        await using var reader = Open(name);
        AssertSingleChain(transitions, "v-start", await reader.LoadMetadataLocationAsync(id), ourCommits + theirCommits);
    }

    [SkippableFact]
    public async Task ReadOnlyCatalogRefusesWrites()
    {
        await using (var catalog = Open("ro"))
        {
            await catalog.CreateNamespaceAsync(Namespace.Of("db"));
        }

        await using var readOnly = new SqlCatalog("ro", _directory, LocalFileIO.Instance, CatalogUri.CreateDialect($"sqlite:{DatabasePath}?mode=ro"));
        Assert.Equal(["db"], (await readOnly.ListNamespacesAsync()).Select(n => n.ToString()));
        await Assert.ThrowsAsync<IcebergException>(() => readOnly.CreateNamespaceAsync(Namespace.Of("x")));
    }

    [SkippableFact]
    public async Task DefaultTableLocationIsBelowTheWarehouse()
    {
        await using var catalog = CatalogFactory.Open(Path.Combine(_directory, "wh"));
        Assert.Equal(Path.Combine(_directory, "wh") + "/gold/kpi/minutes", catalog.DefaultTableLocation(TableIdentifier.Parse("gold.kpi.minutes")));
        Assert.Equal("sqlite:" + Path.Combine(_directory, "wh", "catalog.db"), catalog.Database);
        Assert.Equal("lakehouse", catalog.Name);
    }

    internal static bool CommandExists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, name)));

    /// <summary>Runs statements with Debian's sqlite3 shell (an independent SQLite client); skips when it is absent.</summary>
    internal static List<string> Sqlite3(string database, string sql)
    {
        Skip.If(!CommandExists("sqlite3"), "the sqlite3 shell is not installed");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sqlite3", [database, sql])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
