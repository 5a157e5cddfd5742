namespace Lakehouse.Ingest.Configuration;

/// <summary>The <c>catalog</c> section: where the tables live.</summary>
public sealed record CatalogConfig
{
    /// <summary>Warehouse root (local folder or <c>s3://bucket/prefix</c>).</summary>
    public string Warehouse { get; init; } = "./warehouse";

    /// <summary>Catalog URI (e.g. <c>sqlite:./warehouse/catalog.db</c>); null for the warehouse's default catalog.</summary>
    public string? Uri { get; init; }
}
