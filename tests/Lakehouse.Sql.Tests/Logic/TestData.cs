using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Writing;
using Lakehouse.Testing;

namespace Lakehouse.Sql.Tests.Logic;

/// <summary>
/// Deterministic Parquet files the .test files read as ${DATA}/name.parquet (generated once per test run
/// with our writer; the DuckDB oracle reads the same files).
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> s_directory = new(Create);

    public static string Directory => s_directory.Value;

    private static string Create()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lakehouse-sql-testdata-v1");
        var marker = Path.Combine(dir, "complete");
        if (File.Exists(marker))
        {
            return dir;
        }

        System.IO.Directory.CreateDirectory(dir);
        WriteAsync(Path.Combine(dir, "events.parquet"), Events()).GetAwaiter().GetResult();
        WriteAsync(Path.Combine(dir, "users.parquet"), Users()).GetAwaiter().GetResult();
        WriteAsync(Path.Combine(dir, "nums.parquet"), Nums()).GetAwaiter().GetResult();
        File.WriteAllText(marker, "ok");
        return dir;
    }

    private static async Task WriteAsync(string path, RecordBatch batch)
    {
        var tmp = path + ".tmp" + Environment.ProcessId;
        await using (var writer = ParquetWriter.Create(tmp, batch.Schema, new ParquetWriteOptions { RowGroupSize = 97 }))
        {
            await writer.WriteAsync(batch);
            await writer.CloseAsync();
        }

        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>300 events: id 1..300, user_id 1..20 (some null), platform, likes, score, ts, tags.</summary>
    private static RecordBatch Events()
    {
        var rng = new Random(42);
        var platforms = new[] { "web", "ios", "android", "tv" };
        var words = new[] { "sun", "rain", "snow", "wind", "fog" };
        var id = new PrimitiveBuilder<long>(ArrowType.Int64);
        var user = new PrimitiveBuilder<int>(ArrowType.Int32);
        var platform = new BinaryBuilder(ArrowType.Utf8);
        var likes = new PrimitiveBuilder<long>(ArrowType.Int64);
        var score = new PrimitiveBuilder<double>(ArrowType.Float64);
        var ts = new PrimitiveBuilder<long>(new TimestampType(TimeUnit.Microsecond));
        var text = new BinaryBuilder(ArrowType.Utf8);
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 300; i++)
        {
            id.Append((long)i);
            if (i % 37 == 0)
            {
                user.AppendNull();
            }
            else
            {
                user.Append(1 + rng.Next(20));
            }

            if (i % 53 == 0)
            {
                platform.AppendNull();
            }
            else
            {
                platform.Append(platforms[rng.Next(platforms.Length)]);
            }

            likes.Append((long)rng.Next(0, 1000));
            if (i % 41 == 0)
            {
                score.AppendNull();
            }
            else
            {
                score.Append(Math.Round(rng.NextDouble() * 100, 2));
            }

            var t = start.AddMinutes(i * 17 + rng.Next(10));
            ts.Append((t.Ticks - DateTime.UnixEpoch.Ticks) / 10);
            text.Append(words[rng.Next(words.Length)] + " " + words[rng.Next(words.Length)]);
        }

        var schema = new Schema([
            new Field("id", ArrowType.Int64, false), new Field("user_id", ArrowType.Int32), new Field("platform", ArrowType.Utf8),
            new Field("likes", ArrowType.Int64), new Field("score", ArrowType.Float64), new Field("ts", new TimestampType(TimeUnit.Microsecond)),
            new Field("text", ArrowType.Utf8)]);
        return new RecordBatch(schema, [id.Build(), user.Build(), platform.Build(), likes.Build(), score.Build(), ts.Build(), text.Build()], 300);
    }

    /// <summary>25 users: user_id 1..25, name, country (some null), signup date.</summary>
    private static RecordBatch Users()
    {
        var countries = new[] { "DE", "FR", "US", "BR", "JP" };
        var id = new PrimitiveBuilder<int>(ArrowType.Int32);
        var name = new BinaryBuilder(ArrowType.Utf8);
        var country = new BinaryBuilder(ArrowType.Utf8);
        var signup = new PrimitiveBuilder<int>(ArrowType.Date32);
        for (var i = 1; i <= 25; i++)
        {
            id.Append(i);
            name.Append($"user{i:00}");
            if (i % 7 == 0)
            {
                country.AppendNull();
            }
            else
            {
                country.Append(countries[i % countries.Length]);
            }

            signup.Append(19700 + (i * 3));
        }

        var schema = new Schema([new Field("user_id", ArrowType.Int32, false), new Field("name", ArrowType.Utf8), new Field("country", ArrowType.Utf8), new Field("signup", ArrowType.Date32)]);
        return new RecordBatch(schema, [id.Build(), name.Build(), country.Build(), signup.Build()], 25);
    }

    /// <summary>Small numeric table: n 1..10, with nulls in x, a decimal(10,2) amount and a group letter.</summary>
    private static RecordBatch Nums()
    {
        var n = new PrimitiveBuilder<int>(ArrowType.Int32);
        var x = new PrimitiveBuilder<long>(ArrowType.Int64);
        var amount = new DecimalBuilder(new DecimalType(10, 2));
        var grp = new BinaryBuilder(ArrowType.Utf8);
        for (var i = 1; i <= 10; i++)
        {
            n.Append(i);
            if (i % 4 == 0)
            {
                x.AppendNull();
            }
            else
            {
                x.Append((long)(i * i) - 10);
            }

            amount.Append((decimal)(i * 12.25m));
            grp.Append(i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c");
        }

        var schema = new Schema([new Field("n", ArrowType.Int32, false), new Field("x", ArrowType.Int64), new Field("amount", new DecimalType(10, 2)), new Field("grp", ArrowType.Utf8)]);
        return new RecordBatch(schema, [n.Build(), x.Build(), amount.Build(), grp.Build()], 10);
    }

    internal static string RepoRoot => RepoPaths.Root;
}
