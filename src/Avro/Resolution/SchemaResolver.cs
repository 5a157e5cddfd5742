using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Resolution;

/// <summary>
/// Compiles a <see cref="ReadPlan"/> from a writer and a reader schema per the specification's resolution
/// rules, with Iceberg's rule for records: fields match by <c>field-id</c> when the reader field and the
/// writer's fields carry ids, otherwise by name and then the reader field's aliases. Record names are not
/// required to match (Iceberg writers name structs differently). Writer fields the reader lacks are
/// skipped; reader fields the writer lacks take their default, or null when optional. Fixed types match by
/// size alone for the same reason.
/// </summary>
internal sealed class SchemaResolver
{
    private readonly Dictionary<(AvroSchema, AvroSchema), ReadPlan> _records = [];

    public static ReadPlan Resolve(AvroSchema writer, AvroSchema reader) => new SchemaResolver().Build(writer, reader, "");

    private ReadPlan Build(AvroSchema writer, AvroSchema reader, string path)
    {
        if (writer is UnionSchema wu)
        {
            var branches = new ReadPlan[wu.Branches.Count];
            var any = false;
            for (var i = 0; i < branches.Length; i++)
            {
                var b = wu.Branches[i];
                var target = reader is UnionSchema ru ? PickBranch(b, ru) : Matches(b, reader) ? reader : null;
                if (target is null)
                {
                    branches[i] = new ReadPlan(ReadPlanKind.Error, b, reader)
                    {
                        Message = $"{Where(path)}writer union branch {b.TypeName} has no counterpart in reader schema {reader.TypeName}",
                    };
                }
                else
                {
                    branches[i] = Build(b, target, path);
                    any = true;
                }
            }

            if (!any)
            {
                throw new AvroSchemaException($"{Where(path)}no branch of the writer's union can be read as {reader.TypeName}");
            }

            return new ReadPlan(ReadPlanKind.WriterUnion, writer, reader) { Branches = branches };
        }

        if (reader is UnionSchema readerUnion)
        {
            var target = PickBranch(writer, readerUnion)
                ?? throw new AvroSchemaException($"{Where(path)}writer type {writer.TypeName} matches no branch of the reader's union");
            return Build(writer, target, path);
        }

        switch (writer.Type, reader.Type)
        {
            case (AvroType.Null, AvroType.Null):
                return new ReadPlan(ReadPlanKind.Null, writer, reader);
            case (AvroType.Boolean, AvroType.Boolean):
                return new ReadPlan(ReadPlanKind.Boolean, writer, reader);
            case (AvroType.Int, AvroType.Int):
                return new ReadPlan(ReadPlanKind.Int, writer, reader);
            case (AvroType.Int, AvroType.Long):
                return new ReadPlan(ReadPlanKind.IntAsLong, writer, reader);
            case (AvroType.Int, AvroType.Float):
                return new ReadPlan(ReadPlanKind.IntAsFloat, writer, reader);
            case (AvroType.Int, AvroType.Double):
                return new ReadPlan(ReadPlanKind.IntAsDouble, writer, reader);
            case (AvroType.Long, AvroType.Long):
                return new ReadPlan(ReadPlanKind.Long, writer, reader);
            case (AvroType.Long, AvroType.Float):
                return new ReadPlan(ReadPlanKind.LongAsFloat, writer, reader);
            case (AvroType.Long, AvroType.Double):
                return new ReadPlan(ReadPlanKind.LongAsDouble, writer, reader);
            case (AvroType.Float, AvroType.Float):
                return new ReadPlan(ReadPlanKind.Float, writer, reader);
            case (AvroType.Float, AvroType.Double):
                return new ReadPlan(ReadPlanKind.FloatAsDouble, writer, reader);
            case (AvroType.Double, AvroType.Double):
                return new ReadPlan(ReadPlanKind.Double, writer, reader);
            case (AvroType.Bytes, AvroType.Bytes):
                return new ReadPlan(ReadPlanKind.Bytes, writer, reader);
            case (AvroType.Bytes, AvroType.String):
                return new ReadPlan(ReadPlanKind.BytesAsString, writer, reader);
            case (AvroType.String, AvroType.String):
                return new ReadPlan(ReadPlanKind.String, writer, reader);
            case (AvroType.String, AvroType.Bytes):
                return new ReadPlan(ReadPlanKind.StringAsBytes, writer, reader);
            case (AvroType.Fixed, AvroType.Fixed):
                var wf = (FixedSchema)writer;
                var rf = (FixedSchema)reader;
                if (wf.Size != rf.Size)
                {
                    throw new AvroSchemaException($"{Where(path)}fixed {wf.FullName}[{wf.Size}] cannot be read as fixed {rf.FullName}[{rf.Size}]");
                }

                return new ReadPlan(ReadPlanKind.Fixed, writer, reader) { Size = wf.Size };
            case (AvroType.Enum, AvroType.Enum):
                return BuildEnum((EnumSchema)writer, (EnumSchema)reader, path);
            case (AvroType.Array, AvroType.Array):
                var wa = (ArraySchema)writer;
                return new ReadPlan(ReadPlanKind.Array, writer, reader)
                {
                    Items = Build(wa.Items, ((ArraySchema)reader).Items, path + "[]"),
                    ItemsCanBeEmpty = wa.Items.CanBeEmpty,
                };
            case (AvroType.Map, AvroType.Map):
                return new ReadPlan(ReadPlanKind.Map, writer, reader)
                {
                    Items = Build(((MapSchema)writer).Values, ((MapSchema)reader).Values, path + "{}"),
                };
            case (AvroType.Record, AvroType.Record):
                return BuildRecord((RecordSchema)writer, (RecordSchema)reader, path);
            default:
                throw new AvroSchemaException($"{Where(path)}writer type {writer.TypeName} cannot be read as {reader.TypeName}");
        }
    }

    private ReadPlan BuildRecord(RecordSchema writer, RecordSchema reader, string path)
    {
        if (_records.TryGetValue((writer, reader), out var existing))
        {
            return existing;
        }

        var plan = new ReadPlan(ReadPlanKind.Record, writer, reader);
        _records[(writer, reader)] = plan;

        var writerHasIds = false;
        foreach (var f in writer.Fields)
        {
            writerHasIds |= f.FieldId is not null;
        }

        var readerIndexOfWriter = new int[writer.Fields.Count];
        Array.Fill(readerIndexOfWriter, -1);
        var defaults = new List<AvroField>();
        foreach (var rf in reader.Fields)
        {
            // Reading with the writer's own schema is positional (ids may even repeat in odd files).
            var wf = ReferenceEquals(writer, reader) ? writer.Fields[rf.Position] : FindWriterField(writer, rf, writerHasIds);
            if (wf is not null)
            {
                if (readerIndexOfWriter[wf.Position] >= 0)
                {
                    throw new AvroSchemaException($"{Where(path)}writer field {wf.Name} matches two reader fields");
                }

                readerIndexOfWriter[wf.Position] = rf.Position;
            }
            else if (rf.HasDefault || (rf.Schema is UnionSchema u && u.NullIndex >= 0))
            {
                defaults.Add(rf);
            }
            else
            {
                throw new AvroSchemaException($"{Where(path)}reader field {rf.Name}{(rf.FieldId is int id ? $" (id {id})" : "")} is missing from the writer's record {writer.FullName} and has no default");
            }
        }

        var steps = new RecordFieldStep[writer.Fields.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var wf = writer.Fields[i];
            var ri = readerIndexOfWriter[i];
            steps[i] = ri < 0
                ? new RecordFieldStep(-1, null, wf.Schema)
                : new RecordFieldStep(ri, Build(wf.Schema, reader.Fields[ri].Schema, path + "." + reader.Fields[ri].Name), wf.Schema);
        }

        plan.Steps = steps;
        plan.Defaults = [.. defaults];
        return plan;
    }

    private static AvroField? FindWriterField(RecordSchema writer, AvroField readerField, bool writerHasIds)
    {
        if (readerField.FieldId is int id && writerHasIds)
        {
            return writer.GetFieldById(id);
        }

        var byName = writer.GetField(readerField.Name);
        if (byName is not null)
        {
            return byName;
        }

        foreach (var alias in readerField.Aliases)
        {
            var byAlias = writer.GetField(alias);
            if (byAlias is not null)
            {
                return byAlias;
            }
        }

        return null;
    }

    private static ReadPlan BuildEnum(EnumSchema writer, EnumSchema reader, string path)
    {
        if (!NamesMatch(writer, reader))
        {
            throw new AvroSchemaException($"{Where(path)}enum {writer.FullName} cannot be read as enum {reader.FullName}");
        }

        var symbols = new string?[writer.Symbols.Count];
        for (var i = 0; i < symbols.Length; i++)
        {
            var s = writer.Symbols[i];
            symbols[i] = reader.IndexOf(s) >= 0 ? s : reader.Default;
        }

        return new ReadPlan(ReadPlanKind.Enum, writer, reader) { EnumSymbols = symbols };
    }

    /// <summary>The reader union's branch for a writer (non-union) type: an exact type match first, then a promotion.</summary>
    private static AvroSchema? PickBranch(AvroSchema writer, UnionSchema reader)
    {
        foreach (var b in reader.Branches)
        {
            if (b.Type == writer.Type && (writer is not NamedSchema wn || NamesMatch(wn, (NamedSchema)b)))
            {
                return b;
            }
        }

        foreach (var b in reader.Branches)
        {
            if (b.Type == writer.Type && writer.Type == AvroType.Record)
            {
                return b; // records with different names: Iceberg does not keep struct names stable
            }
        }

        foreach (var b in reader.Branches)
        {
            if (Matches(writer, b))
            {
                return b;
            }
        }

        return null;
    }

    /// <summary>Whether a writer (non-union) type can be read as a reader (non-union) type at the top level.</summary>
    private static bool Matches(AvroSchema writer, AvroSchema reader) => (writer.Type, reader.Type) switch
    {
        (AvroType.Int, AvroType.Long or AvroType.Float or AvroType.Double) => true,
        (AvroType.Long, AvroType.Float or AvroType.Double) => true,
        (AvroType.Float, AvroType.Double) => true,
        (AvroType.String, AvroType.Bytes) => true,
        (AvroType.Bytes, AvroType.String) => true,
        (AvroType.Record, AvroType.Record) => true,
        (AvroType.Fixed, AvroType.Fixed) => ((FixedSchema)writer).Size == ((FixedSchema)reader).Size,
        (AvroType.Enum, AvroType.Enum) => NamesMatch((NamedSchema)writer, (NamedSchema)reader),
        _ => writer.Type == reader.Type && writer.Type != AvroType.Union,
    };

    private static bool NamesMatch(NamedSchema writer, NamedSchema reader) =>
        writer.Name == reader.Name || reader.MatchesName(writer.FullName) || reader.MatchesName(writer.Name);

    private static string Where(string path) => path.Length == 0 ? string.Empty : path.TrimStart('.') + ": ";
}
