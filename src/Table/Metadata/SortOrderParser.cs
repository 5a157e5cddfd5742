using System.Text.Json;
using Lakehouse.Table.Transforms;

namespace Lakehouse.Table.Metadata;

/// <summary>Appendix C JSON for sort orders: <c>order-id</c> and <c>fields</c> of transform/source/direction/null-order.</summary>
public static class SortOrderParser
{
    public static SortOrder FromJson(string json, string? source = null)
    {
        using var doc = SchemaParser.ParseDocument(json, source);
        return Read(doc.RootElement, new JsonPath(source, "sort-order"));
    }

    public static string ToJson(SortOrder order) => PartitionSpecParser.Serialize(w => Write(w, order));

    public static void Write(Utf8JsonWriter w, SortOrder order)
    {
        w.WriteStartObject();
        w.WriteNumber("order-id", order.OrderId);
        w.WriteStartArray("fields");
        foreach (var f in order.Fields)
        {
            w.WriteStartObject();
            w.WriteString("transform", f.Transform.ToString());
            PartitionSpecParser.WriteSourceIds(w, f.SourceIds);
            w.WriteString("direction", f.Direction == SortDirection.Asc ? "asc" : "desc");
            w.WriteString("null-order", f.NullOrder == NullOrder.NullsFirst ? "nulls-first" : "nulls-last");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static SortOrder Read(JsonElement obj, JsonPath path)
    {
        path.ExpectObject(obj);
        var orderId = path.RequiredInt(obj, "order-id");
        var fieldsPath = path.Child("fields");
        var fields = new List<SortField>();
        var i = 0;
        foreach (var f in path.RequiredArray(obj, "fields").EnumerateArray())
        {
            var p = fieldsPath.Index(i++);
            p.ExpectObject(f);
            var transform = Transform.Parse(p.RequiredString(f, "transform"));
            var sourceIds = PartitionSpecParser.ReadSourceIds(f, p);
            var direction = p.RequiredString(f, "direction") switch
            {
                "asc" => SortDirection.Asc,
                "desc" => SortDirection.Desc,
                var d => throw p.Child("direction").Error($"must be \"asc\" or \"desc\", got \"{d}\""),
            };
            var nullOrder = p.RequiredString(f, "null-order") switch
            {
                "nulls-first" => NullOrder.NullsFirst,
                "nulls-last" => NullOrder.NullsLast,
                var n => throw p.Child("null-order").Error($"must be \"nulls-first\" or \"nulls-last\", got \"{n}\""),
            };
            fields.Add(new SortField(sourceIds, transform, direction, nullOrder));
        }

        return new SortOrder(orderId, fields);
    }
}
