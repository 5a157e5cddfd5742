namespace Lakehouse.Flight.Sql;

/// <summary>What a ticket redeems: a SQL query or the result of a metadata command.</summary>
internal enum PendingResultKind
{
    Query,
    Metadata,
}
