using System.CommandLine;
using Lakehouse.Cli.Output;
using Lakehouse.Parquet.Inspection;
using Lakehouse.Parquet.Reading;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse parquet cat|inspect FILE</c>: read Parquet files.</summary>
public static class ParquetCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("parquet", "Read Parquet files.");
        command.Subcommands.Add(CreateCat(context));
        command.Subcommands.Add(CreateInspect(context));
        return command;
    }

    private static Command CreateCat(CliContext context)
    {
        var file = InputFile.CreateArgument("A Parquet file.");
        var columns = new Option<string?>("--columns", "-c")
        {
            Description = "Comma-separated top-level columns to read, in the order given (default: all).",
            HelpName = "a,b,…",
        };
        var format = new FormatOption();
        var command = new Command("cat", "Print the rows of a Parquet file, one row group at a time.")
        {
            file,
            columns,
            format.Option,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            InputFile.OpenRead(path).Dispose();
            await using var reader = await ParquetReader.OpenFileAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            int[]? projection = null;
            if (parse.GetValue(columns) is { } list)
            {
                var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (names.Length == 0)
                {
                    throw new CliUsageException("--columns needs at least one column name");
                }

                try
                {
                    projection = reader.ResolveColumns(names);
                }
                catch (ArgumentException e)
                {
                    throw new CliUsageException(e.Message.Split(" (Parameter", 2)[0]);
                }
            }

            using var writer = FormatOption.CreateWriter(format.Resolve(parse, context.Console), context.Console);
            var begun = false;
            await foreach (var batch in reader.ReadBatchesAsync(projection, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!begun)
                {
                    writer.Begin(batch.Schema);
                    begun = true;
                }

                writer.Write(batch);
            }

            if (!begun)
            {
                writer.Begin(ProjectSchema(reader.Schema, projection));
            }

            writer.Complete();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateInspect(CliContext context)
    {
        var file = InputFile.CreateArgument("A Parquet file.");
        var command = new Command("inspect", "Describe a Parquet file: schema with field ids, row groups, column chunks, encodings, codecs, sizes and statistics.")
        {
            file,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            InputFile.OpenRead(path).Dispose();
            await using var reader = await ParquetReader.OpenFileAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            await context.Console.Out.WriteAsync(ParquetInspector.Describe(reader)).ConfigureAwait(false);
            await context.Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Arrow.Schema ProjectSchema(Arrow.Schema schema, int[]? projection)
    {
        if (projection is null)
        {
            return schema;
        }

        var fields = new Arrow.Field[projection.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = schema[projection[i]];
        }

        return new Arrow.Schema(fields, schema.Metadata);
    }
}
