namespace Lakehouse.Table.Catalog;

/// <summary>A table name within a catalog: namespace plus name.</summary>
public sealed record TableIdentifier(Namespace Namespace, string Name)
{
    /// <summary>Parses "ns1.ns2.table": the last part is the name, the rest the namespace.</summary>
    public static TableIdentifier Parse(string text)
    {
        var dot = text.LastIndexOf('.');
        var name = dot < 0 ? text : text[(dot + 1)..];
        if (name.Length == 0)
        {
            throw IcebergException.Invalid($"invalid table identifier '{text}'");
        }

        return new TableIdentifier(dot < 0 ? Namespace.Empty : Namespace.Parse(text[..dot]), name);
    }

    public override string ToString() => Namespace.IsEmpty ? Name : $"{Namespace}.{Name}";
}
