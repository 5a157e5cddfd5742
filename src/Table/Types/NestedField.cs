using Lakehouse.Table.Values;

namespace Lakehouse.Table.Types;

/// <summary>
/// A field of a struct (or the element of a list, key or value of a map): id unique in the table schema,
/// name, required/optional, type, optional doc and the v3 <c>initial-default</c>/<c>write-default</c> values
/// (in the value representation of <see cref="Literals"/>).
/// </summary>
public sealed class NestedField : IEquatable<NestedField>
{
    public NestedField(int id, string name, IcebergType type, bool isRequired, string? doc = null, object? initialDefault = null, object? writeDefault = null)
    {
        Id = id;
        Name = name;
        Type = type;
        IsRequired = isRequired;
        Doc = doc;
        InitialDefault = initialDefault;
        WriteDefault = writeDefault;
    }

    public int Id { get; }

    public string Name { get; }

    public IcebergType Type { get; }

    public bool IsRequired { get; }

    public bool IsOptional => !IsRequired;

    public string? Doc { get; }

    /// <summary>Value for rows written before the field existed (null: none or null).</summary>
    public object? InitialDefault { get; }

    /// <summary>Value written when a writer does not supply the field (null: none or null).</summary>
    public object? WriteDefault { get; }

    public static NestedField Required(int id, string name, IcebergType type, string? doc = null) => new(id, name, type, true, doc);

    public static NestedField Optional(int id, string name, IcebergType type, string? doc = null) => new(id, name, type, false, doc);

    public NestedField WithType(IcebergType type) => new(Id, Name, type, IsRequired, Doc, InitialDefault, WriteDefault);

    public bool Equals(NestedField? other) =>
        other is not null && other.Id == Id && other.IsRequired == IsRequired
        && string.Equals(other.Name, Name, StringComparison.Ordinal)
        && string.Equals(other.Doc, Doc, StringComparison.Ordinal)
        && other.Type.Equals(Type)
        && Literals.ValueEquals(other.InitialDefault, InitialDefault)
        && Literals.ValueEquals(other.WriteDefault, WriteDefault);

    public override bool Equals(object? obj) => obj is NestedField f && Equals(f);

    public override int GetHashCode() => HashCode.Combine(Id, Name, IsRequired, Type);

    public override string ToString() => $"{Id}: {Name}: {(IsRequired ? "required" : "optional")} {Type}";
}
