namespace Lakehouse.Avro.Schema;

/// <summary>An enum: named, with ordered symbols and an optional default symbol for resolution.</summary>
public sealed class EnumSchema : NamedSchema
{
    private readonly Dictionary<string, int> _indexes;

    public EnumSchema(string name, string? @namespace, IReadOnlyList<string> symbols, string? defaultSymbol = null)
        : base(AvroType.Enum, name, @namespace)
    {
        Symbols = symbols;
        _indexes = new Dictionary<string, int>(symbols.Count, StringComparer.Ordinal);
        for (var i = 0; i < symbols.Count; i++)
        {
            if (!AvroSchemaParser.IsValidName(symbols[i]))
            {
                throw new AvroSchemaException($"enum {FullName}: invalid symbol \"{symbols[i]}\"");
            }

            if (!_indexes.TryAdd(symbols[i], i))
            {
                throw new AvroSchemaException($"enum {FullName}: duplicate symbol {symbols[i]}");
            }
        }

        if (defaultSymbol is not null && !_indexes.ContainsKey(defaultSymbol))
        {
            throw new AvroSchemaException($"enum {FullName}: default {defaultSymbol} is not a symbol");
        }

        Default = defaultSymbol;
    }

    public IReadOnlyList<string> Symbols { get; }

    public string? Default { get; }

    public int IndexOf(string symbol) => _indexes.TryGetValue(symbol, out var i) ? i : -1;
}
