namespace Lakehouse.Sql.Types;

/// <summary>One field of a <c>row</c> type; <see cref="Name"/> is null for anonymous fields.</summary>
public sealed record SqlRowField(string? Name, SqlType Type)
{
    public override string ToString() => Name is null ? Type.ToString() : $"{Name} {Type}";
}
