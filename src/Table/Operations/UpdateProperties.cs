using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Operations;

/// <summary>Sets and removes table properties; setting <c>format-version</c> upgrades the table instead.</summary>
public sealed class UpdateProperties : PendingUpdate
{
    private readonly Dictionary<string, string> _updates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removals = new(StringComparer.Ordinal);

    public UpdateProperties(TableOperations operations)
        : base(operations)
    {
    }

    public UpdateProperties Set(string key, string value)
    {
        if (_removals.Contains(key))
        {
            throw IcebergException.Invalid($"cannot set property '{key}': it is already being removed");
        }

        _updates[key] = value;
        return this;
    }

    public UpdateProperties Remove(string key)
    {
        if (_updates.ContainsKey(key))
        {
            throw IcebergException.Invalid($"cannot remove property '{key}': it is already being set");
        }

        _removals.Add(key);
        return this;
    }

    protected override void ApplyTo(TableMetadataBuilder builder, TableMetadata baseMetadata)
    {
        var updates = new Dictionary<string, string>(_updates, StringComparer.Ordinal);
        if (updates.Remove(TableProperties.FormatVersion, out var version))
        {
            if (!int.TryParse(version, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                throw IcebergException.Invalid($"invalid format-version '{version}'");
            }

            builder.UpgradeFormatVersion(v);
        }

        builder.SetProperties(updates);
        builder.RemoveProperties(_removals);
    }
}
