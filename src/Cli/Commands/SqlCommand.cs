using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Lakehouse.Cli.Output;
using Lakehouse.Sql;
using Lakehouse.Table.Catalog;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse sql [--warehouse DIR] [--catalog URI] [--format table|csv|jsonl] "SQL"</c>: runs SQL (one or
/// more statements separated by ';') and prints each query's rows. Without SQL (or with "-") statements are
/// read from standard input; on a terminal that is a simple shell (statements end with ';', .tables,
/// .schema TABLE, .timer on|off, .quit). With <c>--server grpc://host:port</c> (or <c>grpc+tls://</c>) the
/// statements run on a Flight SQL server instead of the embedded engine.
/// </summary>
public static class SqlCommand
{
    public static Command Create(CliContext context)
    {
        var sql = new Argument<string?>("SQL") { Description = "The statement(s) to run; '-' or none reads standard input.", Arity = ArgumentArity.ZeroOrOne };
        var warehouse = new WarehouseOptions();
        var memory = new Option<long?>("--memory-limit") { Description = "Bytes a query may hold in operator state.", HelpName = "BYTES" };
        var timeout = new Option<double?>("--timeout") { Description = "Query timeout in seconds.", HelpName = "SECONDS" };
        var format = new FormatOption();
        var remote = new RemoteServerOptions();
        var command = new Command("sql", "Run SQL over Iceberg tables and Parquet files (Trino dialect).")
        {
            sql,
            memory,
            timeout,
            format.Option,
        };
        remote.AddTo(command);
        warehouse.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = await OpenRunnerAsync(parse, warehouse, remote, memory, timeout, cancellationToken).ConfigureAwait(false);
            var outputFormat = format.Resolve(parse, context.Console);
            var text = parse.GetValue(sql);
            if (text is not null && text != "-")
            {
                foreach (var statement in SplitStatements(text))
                {
                    await RunAsync(session, statement, outputFormat, context, false, cancellationToken).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }

            return await ShellAsync(session, outputFormat, context, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<ISqlStatementRunner> OpenRunnerAsync(ParseResult parse, WarehouseOptions warehouse, RemoteServerOptions remote, Option<long?> memory, Option<double?> timeout, CancellationToken cancellationToken)
    {
        // With --server the warehouse, catalog and limits are the server's; the local ones are not used.
        if (await remote.ConnectAsync(parse, cancellationToken).ConfigureAwait(false) is { } client)
        {
            return new RemoteSqlRunner(client);
        }

        // The catalog of the options (or their environment variables); without them the default ./warehouse
        // when it exists, so `lakehouse sql` over files alone never creates a warehouse folder.
        ICatalog? cat = null;
        if (warehouse.IsConfigured(parse) || Directory.Exists(CatalogFactory.DefaultWarehouse))
        {
            cat = warehouse.Open(parse);
        }

        var options = new SqlEngineOptions
        {
            Catalog = cat,
            MemoryLimitBytes = parse.GetValue(memory),
            QueryTimeout = parse.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        return new LocalSqlRunner(new SqlEngine(options).CreateSession());
    }

    private static async Task RunAsync(ISqlStatementRunner session, string statement, OutputFormat format, CliContext context, bool timing, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var result = await session.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
        if (result.Schema is not null && result.Batches is not null)
        {
            using var writer = FormatOption.CreateWriter(format, context.Console);
            writer.Begin(result.Schema);
            await foreach (var batch in result.Batches.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                writer.Write(batch);
            }

            writer.Complete();
        }
        else if (result.UpdateCount is > 0)
        {
            context.Console.Out.WriteLine($"{result.UpdateCount} rows");
        }

        if (timing)
        {
            context.Console.Error.WriteLine($"Run time: {watch.Elapsed.TotalMilliseconds:0.###} ms");
        }

        context.Console.Out.Flush();
    }

    private static async Task<int> ShellAsync(ISqlStatementRunner session, OutputFormat format, CliContext context, CancellationToken cancellationToken)
    {
        var input = Console.In;
        var interactive = !Console.IsInputRedirected;
        var timing = interactive;
        var buffer = new StringBuilder();
        var failed = false;
        while (true)
        {
            if (interactive)
            {
                context.Console.Error.Write(buffer.Length == 0 ? "lakehouse> " : "       ...> ");
            }

            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                break;
            }

            if (buffer.Length == 0 && line.TrimStart().StartsWith('.'))
            {
                var parts = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                switch (parts[0])
                {
                    case ".quit" or ".exit":
                        return failed ? ExitCodes.Failure : ExitCodes.Success;
                    case ".tables":
                        await Safe(() => RunAsync(session, "SHOW TABLES", format, context, false, cancellationToken)).ConfigureAwait(false);
                        break;
                    case ".schema" when parts.Length == 2:
                        await Safe(() => RunAsync(session, $"DESCRIBE {parts[1]}", format, context, false, cancellationToken)).ConfigureAwait(false);
                        break;
                    case ".timer":
                        timing = parts.Length < 2 || parts[1] != "off";
                        break;
                    default:
                        context.Console.Error.WriteLine("commands: .tables, .schema TABLE, .timer on|off, .quit");
                        break;
                }

                continue;
            }

            buffer.Append(line).Append('\n');
            if (!line.TrimEnd().EndsWith(';'))
            {
                continue;
            }

            var text = buffer.ToString();
            buffer.Clear();
            foreach (var statement in SplitStatements(text))
            {
                await Safe(() => RunAsync(session, statement, format, context, timing, cancellationToken)).ConfigureAwait(false);
            }
        }

        if (buffer.ToString().Trim().Length > 0)
        {
            foreach (var statement in SplitStatements(buffer.ToString()))
            {
                await Safe(() => RunAsync(session, statement, format, context, timing, cancellationToken)).ConfigureAwait(false);
            }
        }

        return failed ? ExitCodes.Failure : ExitCodes.Success;

        async Task Safe(Func<Task> action)
        {
            try
            {
                await action().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SqlException or Lakehouse.Flight.Grpc.RpcException)
            {
                failed = true;
                context.Console.Error.WriteLine("lakehouse: error: " + ErrorReporter.OneLine(e.Message));
            }
        }
    }

    /// <summary>Splits a script into statements with the SQL lexer's rules (';' outside strings and comments).</summary>
    private static IEnumerable<string> SplitStatements(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'' || c == '"')
            {
                var quote = c;
                i++;
                while (i < text.Length && !(text[i] == quote && (i + 1 >= text.Length || text[i + 1] != quote)))
                {
                    i += text[i] == quote ? 2 : 1;
                }

                i++;
                continue;
            }

            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == ';')
            {
                var s = text[start..i].Trim();
                if (s.Length > 0)
                {
                    yield return s;
                }

                start = i + 1;
            }

            i++;
        }

        var last = text[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }
}
