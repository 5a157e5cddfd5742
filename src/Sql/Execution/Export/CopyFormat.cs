namespace Lakehouse.Sql.Execution.Export;

/// <summary>The file formats COPY … TO writes.</summary>
public enum CopyFormat
{
    Parquet,
    Csv,
    JsonLines,
}
