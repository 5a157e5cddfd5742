using Lakehouse.Table.Catalog;
using Lakehouse.Table.Catalog.Sql;
using Npgsql;
using Xunit;

namespace Lakehouse.Table.Tests.Catalog;

public sealed class CatalogUriTests
{
    [Theory]
    [InlineData("sqlite:/tmp/c/catalog.db", "/tmp/c/catalog.db", false)]
    [InlineData("sqlite:////tmp/c/catalog.db", "/tmp/c/catalog.db", false)]
    [InlineData("jdbc:sqlite:/tmp/c/catalog.db", "/tmp/c/catalog.db", false)]
    [InlineData("sqlite:/tmp/c/catalog.db?mode=ro", "/tmp/c/catalog.db", true)]
    public void SqliteUris(string uri, string path, bool readOnly)
    {
        if (readOnly)
        {
            var e = Assert.Throws<IcebergException>(() => CatalogUri.CreateDialect(uri));
            Assert.Equal(IcebergErrorKind.NotFound, e.Kind);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            return;
        }

        var dialect = Assert.IsType<SqliteDialect>(CatalogUri.CreateDialect(uri));
        Assert.Equal(path, dialect.Path);
        Assert.False(dialect.ReadOnly);
    }

    [Fact]
    public void RelativeSqlitePathsAreRelativeToTheCurrentFolder()
    {
        var dialect = Assert.IsType<SqliteDialect>(CatalogUri.CreateDialect("sqlite:///rel/x.db"));
        Assert.Equal(Path.GetFullPath("rel/x.db"), dialect.Path);
        Assert.Equal(Path.GetFullPath("warehouse/catalog.db"), Assert.IsType<SqliteDialect>(CatalogUri.CreateDialect("sqlite:./warehouse/catalog.db")).Path);
    }

    [Theory]
    [InlineData("postgresql://ana:s%40cret@db.local:5433/lake", "db.local", 5433, "ana", "s@cret", "lake")]
    [InlineData("postgres://ana@127.0.0.1/lake?sslmode=disable", "127.0.0.1", 5432, "ana", null, "lake")]
    [InlineData("jdbc:postgresql://h:6000/lake?user=bo&password=pw", "h", 6000, "bo", "pw", "lake")]
    [InlineData("postgresql+psycopg2://u:p@h/lake", "h", 5432, "u", "p", "lake")]
    [InlineData("postgresql:Host=h;Port=7000;Username=u;Password=p;Database=lake", "h", 7000, "u", "p", "lake")]
    public void PostgresUris(string uri, string host, int port, string user, string? password, string database)
    {
        Assert.True(CatalogUri.TryPostgresConnectionString(uri, out var connectionString));
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(host, builder.Host);
        Assert.Equal(port, builder.Port);
        Assert.Equal(user, builder.Username);
        Assert.Equal(password, builder.Password);
        Assert.Equal(database, builder.Database);
    }

    [Theory]
    [InlineData("mysql://h/db")]
    [InlineData("sqlite:")]
    [InlineData("sqlite:/x.db?journal=off")]
    [InlineData("postgresql://h:port/db")]
    public void BadUrisSayWhatIsExpected(string uri)
    {
        var e = Assert.Throws<IcebergException>(() => CatalogUri.CreateDialect(uri));
        Assert.Equal(IcebergErrorKind.Invalid, e.Kind);
        Assert.Contains(uri, e.Message, StringComparison.Ordinal);
    }
}
