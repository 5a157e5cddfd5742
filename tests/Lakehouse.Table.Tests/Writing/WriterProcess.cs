using System.Globalization;
using Lakehouse.Table.Catalog;
using Ex = Lakehouse.Table.Expressions.Expressions;
using Lakehouse.Table.Operations;

namespace Lakehouse.Table.Tests.Writing;

/// <summary>
/// The entry point of this test assembly when it runs as a child writer process (<c>dotnet Lakehouse.Table.Tests.dll
/// writer WAREHOUSE TABLE ...</c>): commits to a table in the warehouse's SQLite catalog and prints <c>ACK n</c> after
/// each acknowledged commit, so the parent knows exactly which commits must be in the table.
/// <list type="bullet">
/// <item><c>append WAREHOUSE TABLE WRITER COUNT ROWS</c>: COUNT appends of ROWS rows, ids <c>WRITER*1e6 + n*ROWS + i</c>, category <c>wWRITER</c>.</item>
/// <item><c>overwrite WAREHOUSE TABLE COUNT ROWS</c>: COUNT overwrites of partition <c>ov</c> with ids <c>9e8 + n*ROWS + i</c>.</item>
/// </list>
/// </summary>
public static class WriterProcess
{
    public const long OverwriteBase = 900_000_000;

    public static long FirstId(int writer, int commit, int rows) => (writer * 1_000_000L) + ((long)commit * rows);

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 4 || args[0] != "writer")
        {
            await Console.Error.WriteLineAsync("usage: writer append|overwrite WAREHOUSE TABLE ...").ConfigureAwait(false);
            return 2;
        }

        var mode = args[1];
        await using var catalog = CatalogFactory.Open(args[2]);
        var ops = new TableOperations(catalog, TableIdentifier.Parse(args[3]));
        await ops.RefreshAsync().ConfigureAwait(false);
        Console.Out.WriteLine("READY");
        Console.Out.Flush();
        try
        {
            if (mode == "append")
            {
                var writer = int.Parse(args[4], CultureInfo.InvariantCulture);
                var count = int.Parse(args[5], CultureInfo.InvariantCulture);
                var rows = int.Parse(args[6], CultureInfo.InvariantCulture);
                for (var n = 0; n < count; n++)
                {
                    var w = ops.NewDataWriter();
                    await w.WriteAsync(WriteFixture.Batch(FirstId(writer, n, rows), rows, category: "w" + writer.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
                    await ops.NewFastAppend().AppendAll(await w.CompleteAsync().ConfigureAwait(false)).Set("writer.commit", $"{writer}:{n}").CommitAsync().ConfigureAwait(false);
                    Console.Out.WriteLine($"ACK {n}");
                    Console.Out.Flush();
                }
            }
            else
            {
                var count = int.Parse(args[4], CultureInfo.InvariantCulture);
                var rows = int.Parse(args[5], CultureInfo.InvariantCulture);
                for (var n = 0; n < count; n++)
                {
                    var w = ops.NewDataWriter();
                    await w.WriteAsync(WriteFixture.Batch(OverwriteBase + ((long)n * rows), rows, category: "ov")).ConfigureAwait(false);
                    var overwrite = ops.NewOverwrite().OverwriteByRowFilter(Ex.Equal("category", "ov"));
                    foreach (var f in await w.CompleteAsync().ConfigureAwait(false))
                    {
                        overwrite.AddFile(f);
                    }

                    await overwrite.CommitAsync().ConfigureAwait(false);
                    Console.Out.WriteLine($"ACK {n}");
                    Console.Out.Flush();
                }
            }
        }
        catch (Exception e) when (e is CommitConflictException or IcebergException)
        {
            Console.Out.WriteLine($"FAIL {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }

        return 0;
    }
}
