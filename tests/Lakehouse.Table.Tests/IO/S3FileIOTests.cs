using Lakehouse.Table.IO;
using Lakehouse.Table.IO.S3;
using Xunit;

namespace Lakehouse.Table.Tests.IO;

/// <summary>S3FileIO against s3rver (an independent S3 implementation) on 127.0.0.1.</summary>
public sealed class S3FileIOTests : IClassFixture<S3Server>
{
    private readonly S3Server _server;

    public S3FileIOTests(S3Server server) => _server = server;

    private S3FileIO Open(Func<S3Options, S3Options>? configure = null)
    {
        var options = _server.Require().Options;
        return new S3FileIO(configure is null ? options : configure(options));
    }

    private static string Unique(string name) => $"s3://{S3Server.Bucket}/{Guid.NewGuid():N}/{name}";

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task WriteAsync(IFileIO io, string location, byte[] bytes, bool overwrite = false)
    {
        var stream = await io.NewOutputFile(location).CreateAsync(overwrite);
        await using (stream)
        {
            // Odd-sized writes exercise part boundaries.
            for (var offset = 0; offset < bytes.Length; offset += 100_003)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(100_003, bytes.Length - offset)));
            }
        }
    }

    [SkippableFact]
    public async Task SmallFileRoundTripsWithRangedReads()
    {
        using var io = Open();
        var location = Unique("metadata/v1.metadata.json");
        var bytes = Bytes(200_000, 1);
        await WriteAsync(io, location, bytes);

        var input = io.NewInputFile(location);
        Assert.True(await input.ExistsAsync());
        Assert.Equal(bytes.Length, await input.GetLengthAsync());
        Assert.Equal(bytes, await input.ReadAllBytesAsync());

        await using var source = await input.OpenAsync();
        Assert.Equal(bytes.Length, source.Length);
        foreach (var (offset, length) in new[] { (0, 10), (12_345, 50_000), (bytes.Length - 8, 8), (bytes.Length - 70_000, 1000), (bytes.Length - 1, 1), (100, 0) })
        {
            Assert.Equal(bytes.AsSpan(offset, length).ToArray(), (await source.ReadAsync(offset, length)).ToArray());
        }

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await source.ReadAsync(bytes.Length - 4, 8));
    }

    [SkippableFact]
    public async Task LargeFileGoesUpInParts()
    {
        // 5 MiB parts (S3's minimum) from 6 MiB on: a 13 MiB file is three parts.
        var options = _server.Require().Options with { MultipartThreshold = 6 << 20, MultipartPartSize = 5 << 20 };
        using var client = new CountingS3Client(options);
        using var io = new S3FileIO(client, options);
        var location = Unique("data/big.parquet");
        var bytes = Bytes((13 << 20) + 17, 2);
        await WriteAsync(io, location, bytes);

        var input = io.NewInputFile(location);
        Assert.Equal(bytes.Length, await input.GetLengthAsync());
        Assert.Equal(bytes, await input.ReadAllBytesAsync());
        await using var source = await input.OpenAsync();
        Assert.Equal(bytes.AsSpan((5 << 20) - 3, 10).ToArray(), (await source.ReadAsync((5 << 20) - 3, 10)).ToArray());

        Assert.Equal(3, client.PartsUploaded);
        Assert.Equal(0, client.Puts);

        // Below the threshold: one PUT.
        await WriteAsync(io, Unique("data/small.parquet"), Bytes((6 << 20) - 1, 3));
        Assert.Equal((3, 1), (client.PartsUploaded, client.Puts));
    }

    [SkippableFact]
    public async Task CreateIfAbsentRefusesAnExistingFile()
    {
        using var io = Open();
        var location = Unique("metadata/00001.metadata.json");
        await WriteAsync(io, location, Bytes(10, 3));
        var e = await Assert.ThrowsAsync<IcebergException>(() => WriteAsync(io, location, Bytes(10, 4)));
        Assert.Equal(IcebergErrorKind.AlreadyExists, e.Kind);
        Assert.Contains(location, e.Message, StringComparison.Ordinal);
        Assert.Equal(Bytes(10, 3), await io.NewInputFile(location).ReadAllBytesAsync());

        await WriteAsync(io, location, Bytes(10, 5), overwrite: true);
        Assert.Equal(Bytes(10, 5), await io.NewInputFile(location).ReadAllBytesAsync());
    }

    [SkippableFact]
    public async Task NothingIsVisibleBeforeTheStreamIsDisposed()
    {
        using var io = Open();
        var location = Unique("data/pending.parquet");
        var stream = await io.NewOutputFile(location).CreateAsync();
        await stream.WriteAsync(Bytes(1000, 6));
        Assert.False(await io.NewInputFile(location).ExistsAsync());
        await stream.DisposeAsync();
        Assert.True(await io.NewInputFile(location).ExistsAsync());
    }

    [SkippableFact]
    public async Task MissingFilesAreNotFound()
    {
        using var io = Open();
        var input = io.NewInputFile(Unique("nope.avro"));
        Assert.False(await input.ExistsAsync());
        Assert.Equal(IcebergErrorKind.NotFound, (await Assert.ThrowsAsync<IcebergException>(() => input.ReadAllBytesAsync())).Kind);
        Assert.Equal(IcebergErrorKind.NotFound, (await Assert.ThrowsAsync<IcebergException>(() => input.OpenAsync())).Kind);
        await io.DeleteFileAsync(input.Location);
    }

    [SkippableFact]
    public async Task ListingPagesThroughEveryFileUnderThePrefix()
    {
        using var io = Open(o => o with { ListPageSize = 3 });
        var root = Unique("table");
        var expected = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            var location = $"{root}/data/part-{i:D5}.parquet";
            expected.Add(location);
        }

        await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (location, ct) => await WriteAsync(io, location, [1, 2, 3]));
        await WriteAsync(io, root + "-sibling/x", [1]);

        var listed = new List<FileEntry>();
        await foreach (var entry in io.ListPrefixAsync(root + "/"))
        {
            listed.Add(entry);
        }

        Assert.Equal(expected, listed.Select(e => e.Location).Order(StringComparer.Ordinal));
        Assert.All(listed, e => Assert.Equal(3, e.Length));
        Assert.All(listed, e => Assert.True(e.LastModified > DateTimeOffset.UtcNow.AddHours(-1)));

        await io.DeleteFileAsync(expected[0]);
        Assert.False(await io.NewInputFile(expected[0]).ExistsAsync());
    }

    [Fact]
    public void OptionsComeFromPropertiesThenTheEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9000",
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "env-key",
            ["AWS_SECRET_ACCESS_KEY"] = "env-secret",
        };
        var fromEnv = S3Options.FromEnvironment(k => environment.GetValueOrDefault(k));
        Assert.Equal("http://127.0.0.1:9000", fromEnv.Endpoint);
        Assert.True(fromEnv.PathStyleAccess);
        Assert.Equal("eu-west-1", fromEnv.Region);
        Assert.Equal("env-key", fromEnv.AccessKeyId);
        Assert.DoesNotContain("env-secret", fromEnv.ToString(), StringComparison.Ordinal);

        var merged = S3Options.FromProperties(
            new Dictionary<string, string> { ["s3.access-key-id"] = "prop-key", ["s3.secret-access-key"] = "prop-secret", ["s3.multipart.threshold"] = "1048576", ["s3.path-style-access"] = "false" },
            k => environment.GetValueOrDefault(k));
        Assert.Equal("prop-key", merged.AccessKeyId);
        Assert.Equal(1 << 20, merged.MultipartThreshold);
        Assert.False(merged.PathStyleAccess);
        Assert.Equal("http://127.0.0.1:9000", merged.Endpoint);

        Assert.Throws<IcebergException>(() => new S3Options { MultipartPartSize = 1024 }.Validate());
        Assert.Throws<IcebergException>(() => S3Options.FromProperties(new Dictionary<string, string> { ["s3.max-retries"] = "many" }, _ => null));
    }

    [Theory]
    [InlineData("s3://bucket/a/b.parquet", "s3", "bucket", "a/b.parquet")]
    [InlineData("s3a://bucket/a", "s3a", "bucket", "a")]
    [InlineData("s3://bucket", "s3", "bucket", "")]
    public void LocationsParse(string location, string scheme, string bucket, string key)
    {
        var parsed = S3Location.Parse(location);
        Assert.Equal((scheme, bucket, key), (parsed.Scheme, parsed.Bucket, parsed.Key));
        Assert.Throws<IcebergException>(() => S3Location.Parse("gs://bucket/x"));
    }
}
