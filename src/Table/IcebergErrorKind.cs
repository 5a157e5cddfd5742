namespace Lakehouse.Table;

/// <summary>What went wrong, for callers that map errors (e.g. to gRPC status codes at the Flight boundary).</summary>
public enum IcebergErrorKind
{
    /// <summary>An argument or value is invalid (bad transform string, literal of the wrong type...).</summary>
    Invalid,

    /// <summary>A metadata file does not follow the Iceberg specification.</summary>
    InvalidMetadata,

    /// <summary>A feature the specification defines that this implementation does not support.</summary>
    NotSupported,

    /// <summary>A name or id does not resolve (unknown column, unknown snapshot...).</summary>
    NotFound,

    /// <summary>A table, namespace or file that must not exist yet already does.</summary>
    AlreadyExists,
}
