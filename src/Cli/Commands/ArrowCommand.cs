using System.CommandLine;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Cli.Output;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse arrow cat|schema FILE</c>: read Arrow IPC files or streams (the format is detected).</summary>
public static class ArrowCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("arrow", "Read Arrow IPC files and streams.");
        command.Subcommands.Add(CreateCat(context));
        command.Subcommands.Add(CreateSchema(context));
        return command;
    }

    private static Command CreateCat(CliContext context)
    {
        var file = InputFile.CreateArgument("An Arrow IPC file (ARROW1) or stream; the format is detected.");
        var format = new FormatOption();
        var command = new Command("cat", "Print the rows of an Arrow IPC file or stream.")
        {
            file,
            format.Option,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            using var reader = Open(path);
            using var writer = FormatOption.CreateWriter(format.Resolve(parse, context.Console), context.Console);
            writer.Begin(reader.Schema);
            while (reader.ReadNextBatch() is { } batch)
            {
                writer.Write(batch);
            }

            writer.Complete();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateSchema(CliContext context)
    {
        var file = InputFile.CreateArgument("An Arrow IPC file (ARROW1) or stream; the format is detected.");
        var command = new Command("schema", "Print the schema (fields, types, nullability, metadata) of an Arrow IPC file or stream.")
        {
            file,
        };
        command.SetAction(parse =>
        {
            using var reader = Open(parse.GetValue(file)!);
            SchemaText.Write(context.Console.Out, reader.Schema);
            context.Console.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    private static IArrowBatchReader Open(string path)
    {
        // Validates existence with the CLI's usual messages, then maps the file (zero-copy, any size up to 2 GB).
        InputFile.OpenRead(path).Dispose();
        return ArrowIpcReader.Open(path);
    }
}
