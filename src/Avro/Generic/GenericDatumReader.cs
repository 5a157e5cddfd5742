using Lakehouse.Avro.Binary;
using Lakehouse.Avro.Resolution;
using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Generic;

/// <summary>
/// Reads values written with <see cref="WriterSchema"/> as generic values of <see cref="ReaderSchema"/>
/// (see <see cref="AvroRecord"/> for the value model). The resolution plan is compiled once, in the
/// constructor, which throws <see cref="AvroSchemaException"/> when the schemas cannot be resolved.
/// </summary>
public sealed class GenericDatumReader
{
    private readonly ReadPlan _plan;

    public GenericDatumReader(AvroSchema writerSchema, AvroSchema? readerSchema = null)
    {
        WriterSchema = writerSchema;
        ReaderSchema = readerSchema ?? writerSchema;
        _plan = SchemaResolver.Resolve(writerSchema, ReaderSchema);
    }

    public AvroSchema WriterSchema { get; }

    public AvroSchema ReaderSchema { get; }

    public object? Read(ref AvroReader reader) => Read(_plan, ref reader);

    private static object? Read(ReadPlan plan, ref AvroReader r)
    {
        switch (plan.Kind)
        {
            case ReadPlanKind.Null:
                return null;
            case ReadPlanKind.Boolean:
                return r.ReadBoolean();
            case ReadPlanKind.Int:
                return r.ReadInt();
            case ReadPlanKind.Long:
                return r.ReadLong();
            case ReadPlanKind.Float:
                return r.ReadFloat();
            case ReadPlanKind.Double:
                return r.ReadDouble();
            case ReadPlanKind.Bytes:
            case ReadPlanKind.StringAsBytes:
                return r.ReadBytes().ToArray();
            case ReadPlanKind.String:
            case ReadPlanKind.BytesAsString:
                return r.ReadString();
            case ReadPlanKind.Fixed:
                return r.ReadFixed(plan.Size).ToArray();
            case ReadPlanKind.IntAsLong:
                return (long)r.ReadInt();
            case ReadPlanKind.IntAsFloat:
                return (float)r.ReadInt();
            case ReadPlanKind.IntAsDouble:
                return (double)r.ReadInt();
            case ReadPlanKind.LongAsFloat:
                return (float)r.ReadLong();
            case ReadPlanKind.LongAsDouble:
                return (double)r.ReadLong();
            case ReadPlanKind.FloatAsDouble:
                return (double)r.ReadFloat();
            case ReadPlanKind.Enum:
                var symbols = plan.EnumSymbols!;
                var index = r.ReadEnum(symbols.Length);
                return symbols[index] ?? throw new AvroSchemaException(
                    $"enum symbol {((EnumSchema)plan.Writer).Symbols[index]} is not in the reader's enum {((EnumSchema)plan.Reader).FullName}, which has no default");
            case ReadPlanKind.WriterUnion:
                r.Enter();
                var branch = plan.Branches[r.ReadUnionIndex(plan.Branches.Length)];
                var value = Read(branch, ref r);
                r.Leave();
                return value;
            case ReadPlanKind.Record:
                return ReadRecord(plan, ref r);
            case ReadPlanKind.Array:
                return ReadArray(plan, ref r);
            case ReadPlanKind.Map:
                return ReadMap(plan, ref r);
            case ReadPlanKind.Error:
                throw new AvroSchemaException(plan.Message!);
            default:
                throw new InvalidOperationException("unknown plan kind " + plan.Kind);
        }
    }

    private static AvroRecord ReadRecord(ReadPlan plan, ref AvroReader r)
    {
        r.Enter();
        var record = new AvroRecord((RecordSchema)plan.Reader);
        foreach (var step in plan.Steps)
        {
            if (step.Plan is null)
            {
                r.Skip(step.WriterSchema);
            }
            else
            {
                record[step.ReaderIndex] = Read(step.Plan, ref r);
            }
        }

        foreach (var field in plan.Defaults)
        {
            record[field.Position] = field.HasDefault ? DefaultValues.FromJson(field.Default, field.Schema) : null;
        }

        r.Leave();
        return record;
    }

    private static List<object?> ReadArray(ReadPlan plan, ref AvroReader r)
    {
        r.Enter();
        var items = plan.Items!;
        var list = new List<object?>();
        while (true)
        {
            var count = r.ReadBlockCount(out _, plan.ItemsCanBeEmpty ? 0 : 1);
            if (count == 0)
            {
                break;
            }

            // Items that take no bytes are bounded per array, not only per block.
            var limit = plan.ItemsCanBeEmpty ? AvroReader.MaxZeroSizeItems : Array.MaxLength;
            if (list.Count + count > limit)
            {
                throw r.Corrupt($"array of more than {limit} items");
            }

            list.EnsureCapacity(list.Count + (int)Math.Min(count, 4096));
            for (long i = 0; i < count; i++)
            {
                list.Add(Read(items, ref r));
            }
        }

        r.Leave();
        return list;
    }

    private static Dictionary<string, object?> ReadMap(ReadPlan plan, ref AvroReader r)
    {
        r.Enter();
        var values = plan.Items!;
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            var count = r.ReadBlockCount(out _);
            if (count == 0)
            {
                break;
            }

            for (long i = 0; i < count; i++)
            {
                var key = r.ReadString();
                map[key] = Read(values, ref r);
            }
        }

        r.Leave();
        return map;
    }
}
