using System.CommandLine;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Catalog.Sql;

namespace Lakehouse.Cli;

/// <summary>
/// <c>--warehouse</c>, <c>--catalog</c> and <c>--catalog-name</c>, shared by every command that works with catalog
/// tables (spec/configuration.md). Each falls back to an environment variable (<c>LAKEHOUSE_WAREHOUSE</c>,
/// <c>LAKEHOUSE_CATALOG</c>, <c>LAKEHOUSE_CATALOG_NAME</c>), then to the defaults <c>./warehouse</c>,
/// <c>sqlite:{warehouse}/catalog.db</c> and <c>lakehouse</c>.
/// </summary>
public sealed class WarehouseOptions
{
    public Option<string?> Warehouse { get; } = new("--warehouse", "-w")
    {
        Description = "Root of the tables: a folder or s3://bucket/prefix (env LAKEHOUSE_WAREHOUSE; default ./warehouse).",
        HelpName = "LOCATION",
    };

    public Option<string?> Catalog { get; } = new("--catalog")
    {
        Description = "Catalog database: sqlite:PATH, postgresql://user:pass@host:port/db (env LAKEHOUSE_CATALOG; default sqlite:{warehouse}/catalog.db).",
        HelpName = "URI",
    };

    public Option<string?> CatalogName { get; } = new("--catalog-name")
    {
        Description = "The catalog_name shared with other engines (env LAKEHOUSE_CATALOG_NAME; default lakehouse).",
        HelpName = "NAME",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Warehouse);
        command.Options.Add(Catalog);
        command.Options.Add(CatalogName);
    }

    /// <summary>Whether a warehouse or catalog was named by an option or environment variable.</summary>
    public bool IsConfigured(ParseResult parse) =>
        !string.IsNullOrEmpty(parse.GetValue(Warehouse) ?? Environment.GetEnvironmentVariable("LAKEHOUSE_WAREHOUSE"))
        || !string.IsNullOrEmpty(parse.GetValue(Catalog) ?? Environment.GetEnvironmentVariable("LAKEHOUSE_CATALOG"));

    /// <summary>Opens the catalog the options name; the caller disposes it.</summary>
    public SqlCatalog Open(ParseResult parse)
    {
        var warehouse = parse.GetValue(Warehouse) ?? Environment.GetEnvironmentVariable("LAKEHOUSE_WAREHOUSE");
        var catalog = parse.GetValue(Catalog) ?? Environment.GetEnvironmentVariable("LAKEHOUSE_CATALOG");
        var name = parse.GetValue(CatalogName) ?? Environment.GetEnvironmentVariable("LAKEHOUSE_CATALOG_NAME");
        return CatalogFactory.Open(
            string.IsNullOrEmpty(warehouse) ? null : warehouse,
            string.IsNullOrEmpty(catalog) ? null : catalog,
            string.IsNullOrEmpty(name) ? CatalogFactory.DefaultCatalogName : name);
    }

    /// <summary>A table name argument: <c>ns.table</c> (a name without namespace is in <c>default</c>).</summary>
    public static TableIdentifier ParseTable(string text)
    {
        var id = TableIdentifier.Parse(text);
        return id.Namespace.IsEmpty ? new TableIdentifier(Namespace.Of("default"), id.Name) : id;
    }
}
