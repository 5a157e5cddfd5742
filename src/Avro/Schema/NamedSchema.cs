namespace Lakehouse.Avro.Schema;

/// <summary>A record, enum or fixed: has a name, an optional namespace, aliases and documentation.</summary>
public abstract class NamedSchema : AvroSchema
{
    private static readonly IReadOnlyList<string> s_none = [];

    private protected NamedSchema(AvroType type, string name, string? @namespace)
        : base(type)
    {
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            Namespace = name[..dot];
            Name = name[(dot + 1)..];
        }
        else
        {
            Name = name;
            Namespace = string.IsNullOrEmpty(@namespace) ? null : @namespace;
        }

        FullName = Namespace is null ? Name : Namespace + "." + Name;
    }

    /// <summary>The simple name (last part of the full name).</summary>
    public string Name { get; }

    /// <summary>The namespace, or null for the null namespace.</summary>
    public string? Namespace { get; }

    public string FullName { get; }

    /// <summary>Alternative names (full names) for schema resolution.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = s_none;

    public string? Doc { get; init; }

    public override string TypeName => FullName;

    /// <summary>True when <paramref name="name"/> (a full or simple name) names this type or one of its aliases.</summary>
    public bool MatchesName(string name)
    {
        if (name == FullName || name == Name)
        {
            return true;
        }

        foreach (var a in Aliases)
        {
            if (a == name || (a.EndsWith(name, StringComparison.Ordinal) && a.Length > name.Length && a[a.Length - name.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }
}
