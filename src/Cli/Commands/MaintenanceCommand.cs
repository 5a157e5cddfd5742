using System.CommandLine;
using System.Globalization;
using Lakehouse.Table.Operations;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse maintenance expire-snapshots|remove-orphans TABLE</c>: snapshot expiry and orphan-file cleanup of a
/// catalog table. Times are ISO-8601 timestamps, epoch milliseconds, or an age such as <c>7d</c>, <c>12h</c>, <c>30m</c>.
/// </summary>
public static class MaintenanceCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("maintenance", "Table maintenance: expire snapshots, remove orphan files.");
        command.Subcommands.Add(CreateExpire(context));
        command.Subcommands.Add(CreateRemoveOrphans(context));
        return command;
    }

    private static Command CreateExpire(CliContext context)
    {
        var warehouse = new WarehouseOptions();
        var table = TableCommand.TableArgument();
        var olderThan = new Option<string?>("--older-than")
        {
            Description = "Expire snapshots older than this (timestamp, epoch ms, or age like 7d; default: the table's history.expire.max-snapshot-age-ms, 5 days).",
            HelpName = "TIME",
        };
        var retainLast = new Option<int?>("--retain-last") { Description = "Keep at least this many ancestors of each branch (default: history.expire.min-snapshots-to-keep, 1).", HelpName = "N" };
        var snapshotIds = new Option<long[]>("--snapshot-id") { Description = "Expire this snapshot whatever its age (repeatable).", HelpName = "ID" };
        var keepFiles = new Option<bool>("--keep-files") { Description = "Only change the metadata; delete no file." };
        var command = new Command("expire-snapshots", "Expire old snapshots and delete the files only they referenced.")
        {
            table,
            olderThan,
            retainLast,
            snapshotIds,
            keepFiles,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = WarehouseOptions.ParseTable(parse.GetValue(table)!);
            await using var catalog = warehouse.Open(parse);
            var ops = new TableOperations(catalog, id);
            var expire = ops.ExpireSnapshots().CleanExpiredFiles(!parse.GetValue(keepFiles));
            if (parse.GetValue(olderThan) is { } when)
            {
                expire.ExpireOlderThan(ParseTime(when, "--older-than"));
            }

            if (parse.GetValue(retainLast) is { } n)
            {
                if (n < 1)
                {
                    throw new CliUsageException("--retain-last must be at least 1");
                }

                expire.RetainLast(n);
            }

            foreach (var snapshotId in parse.GetValue(snapshotIds) ?? [])
            {
                expire.ExpireSnapshotId(snapshotId);
            }

            var result = await expire.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            var o = context.Console.Out;
            o.WriteLine($"expired snapshots: {result.ExpiredSnapshotIds.Count}{(result.ExpiredSnapshotIds.Count > 0 ? " (" + string.Join(", ", result.ExpiredSnapshotIds.Select(i => i.ToString(CultureInfo.InvariantCulture))) + ")" : string.Empty)}");
            if (result.RemovedRefs.Count > 0)
            {
                o.WriteLine($"removed refs: {string.Join(", ", result.RemovedRefs)}");
            }

            o.WriteLine($"deleted files: {result.DeletedDataFilesCount} data, {result.DeletedPositionDeleteFilesCount} position delete, {result.DeletedEqualityDeleteFilesCount} equality delete, {result.DeletedManifestsCount} manifests, {result.DeletedManifestListsCount} manifest lists, {result.DeletedStatisticsFilesCount} statistics");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateRemoveOrphans(CliContext context)
    {
        var warehouse = new WarehouseOptions();
        var table = TableCommand.TableArgument();
        var olderThan = new Option<string?>("--older-than")
        {
            Description = "Only files last modified before this (timestamp, epoch ms, or age like 3d; default 3d, so commits in flight are safe).",
            HelpName = "TIME",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the orphan files without deleting them." };
        var command = new Command("remove-orphans", "Delete files under the table location that no metadata references; prints each one.")
        {
            table,
            olderThan,
            dryRun,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = WarehouseOptions.ParseTable(parse.GetValue(table)!);
            await using var catalog = warehouse.Open(parse);
            var ops = new TableOperations(catalog, id);
            var remove = ops.RemoveOrphanFiles().DryRun(parse.GetValue(dryRun));
            if (parse.GetValue(olderThan) is { } when)
            {
                remove.OlderThan(ParseTime(when, "--older-than"));
            }

            var orphans = await remove.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            foreach (var orphan in orphans)
            {
                context.Console.Out.WriteLine(orphan);
            }

            context.Console.Error.WriteLine(parse.GetValue(dryRun) ? $"{orphans.Count} orphan files (dry run: none deleted)" : $"deleted {orphans.Count} orphan files");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Epoch milliseconds of an ISO-8601 timestamp, epoch milliseconds, or an age (<c>7d</c>, <c>12h</c>, <c>30m</c>, <c>45s</c>) before now.</summary>
    internal static long ParseTime(string text, string option)
    {
        var t = text.Trim();
        if (t.Length >= 2 && char.IsAsciiLetter(t[^1]) && long.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            var age = char.ToLowerInvariant(t[^1]) switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                's' => TimeSpan.FromSeconds(amount),
                _ => throw new CliUsageException($"{option}: unknown unit in '{text}' (use d, h, m or s)"),
            };
            return DateTimeOffset.UtcNow.Subtract(age).ToUnixTimeMilliseconds();
        }

        try
        {
            return IcebergCommand.ParseTimestampMs(t);
        }
        catch (CliUsageException)
        {
            throw new CliUsageException($"{option}: '{text}' is not a timestamp, epoch milliseconds or an age like 7d");
        }
    }
}
