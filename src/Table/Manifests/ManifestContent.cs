namespace Lakehouse.Table.Manifests;

/// <summary>What a manifest (or a file) holds: data or deletes (spec field 517 / 134).</summary>
public enum ManifestContent
{
    Data = 0,
    Deletes = 1,
}
