using System.Buffers.Binary;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>
/// Corrupt input must end in <see cref="CorruptFileException"/> (or a precise <see cref="NotSupportedException"/>
/// for well-formed but unsupported features), or in data that passed full validation and can be read
/// slot by slot — never another exception type, a hang or a huge allocation.
/// </summary>
public sealed class CorruptionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const long MaxAllocationPerInput = 64L << 20;

    public static IEnumerable<object[]> FuzzRegressions()
    {
        var root = SharedFixtures.Root;
        if (root is null)
        {
            yield return ["(fixtures absent)"];
            yield break;
        }

        foreach (var dir in new[] { "arrow-ipc-stream", "arrow-ipc-file" })
        {
            var path = Path.Combine(root, "arrow-ipc", "fuzz-regressions", dir);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var f in Directory.EnumerateFiles(path).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                yield return [Path.Combine(dir, Path.GetFileName(f))];
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(FuzzRegressions))]
    public void FuzzRegressionInputFailsCleanly(string name)
    {
        var path = SharedFixtures.Require(Path.Combine("arrow-ipc", "fuzz-regressions", name));
        var bytes = File.ReadAllBytes(path);
        ReadExpectingCleanOutcome(bytes, name);

        // The stream fuzz inputs are also fed through the Stream-based path.
        using var ms = new MemoryStream(bytes, writable: false);
        ReadExpectingCleanOutcome(() => new ArrowStreamReader(new BufferedStream(ms)), name);
    }

    [SkippableFact]
    public void FutureMetadataVersionIsRejectedAsUnsupported()
    {
        var bytes = File.ReadAllBytes(SharedFixtures.Require("arrow-ipc/forward-compatibility/schema_v6.arrow"));
        var e = Assert.Throws<NotSupportedException>(() => ArrowIpc.ReadAll(bytes));
        Assert.Contains("unsupported metadata version", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void SeededMutationsOfGoldenStreamsAndFilesFailCleanly()
    {
        var cases = new[]
        {
            "cpp-21.0.0/generated_primitive", "cpp-21.0.0/generated_binary", "cpp-21.0.0/generated_nested",
            "cpp-21.0.0/generated_dictionary", "cpp-21.0.0/generated_union", "cpp-21.0.0/generated_binary_view",
            "cpp-21.0.0/generated_list_view", "cpp-21.0.0/generated_run_end_encoded", "cpp-21.0.0/generated_nested_dictionary",
            "cpp-21.0.0/generated_map", "cpp-21.0.0/generated_decimal", "cpp-21.0.0/generated_interval_mdn",
        };
        var inputs = new List<(string Name, byte[] Bytes)>();
        foreach (var c in cases.Concat(GoldenFiles.CompressedCases))
        {
            foreach (var ext in new[] { ".stream", ".arrow_file" })
            {
                inputs.Add((c + ext, File.ReadAllBytes(GoldenFiles.Path(c + ext))));
            }
        }

        // Our own output too: every type, compressed with both codecs (exercises decompression bounds).
        var schema = JsInteropTests.AllTypesSchema();
        var batches = JsInteropTests.AllTypesBatches(schema, 21).Take(2).ToList();
        foreach (var kind in new[] { Lakehouse.Arrow.Compression.CompressionKind.Lz4Frame, Lakehouse.Arrow.Compression.CompressionKind.Zstd })
        {
            var options = new ArrowWriteOptions { Compression = kind };
            inputs.Add(($"ours {kind}.stream", ArrowIpc.WriteStream(schema, batches, options)));
            inputs.Add(($"ours {kind}.arrow_file", ArrowIpc.WriteFile(schema, JsInteropTests.ShareDictionaries(batches), options)));
        }

        var random = new Random(20261122);
        var outcomes = new Dictionary<string, int>();
        foreach (var (name, original) in inputs)
        {
            for (var m = 0; m < 150; m++)
            {
                var mutated = Mutate(original, random, out var how);
                var outcome = ReadExpectingCleanOutcome(mutated, $"{name} mutation {m} ({how})");
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }

        output.WriteLine(string.Join(", ", outcomes.Select(kv => $"{kv.Key}: {kv.Value}")));

        // 6000 inputs; most mutations must be detected, some land in padding or values and still read.
        Assert.True(outcomes.GetValueOrDefault("corrupt") > 3000, string.Join(", ", outcomes));
    }

    private static byte[] Mutate(byte[] original, Random random, out string how)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0:
            {
                var length = random.Next(bytes.Length);
                how = $"truncate to {length}";
                return bytes[..length];
            }

            case 1:
            {
                var flips = 1 + random.Next(4);
                how = $"{flips} bit flips";
                for (var i = 0; i < flips; i++)
                {
                    var bit = random.Next(bytes.Length * 8);
                    bytes[bit >> 3] ^= (byte)(1 << (bit & 7));
                }

                return bytes;
            }

            case 2:
            {
                var at = random.Next(bytes.Length);
                how = $"byte {at} randomized";
                bytes[at] = (byte)random.Next(256);
                return bytes;
            }

            case 3:
            {
                var at = random.Next(Math.Max(1, bytes.Length - 4)) & ~3;
                int[] extremes = [0, -1, int.MaxValue, int.MinValue, 0x7FFFFFF8, 1 << 20, 255];
                var value = extremes[random.Next(extremes.Length)];
                how = $"int32 at {at} = {value}";
                if (at + 4 <= bytes.Length)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), value);
                }

                return bytes;
            }

            default:
            {
                var at = random.Next(Math.Max(1, bytes.Length - 8)) & ~7;
                long[] extremes = [0, -1, long.MaxValue, 1L << 40, 0x7FFFFFF0, 3];
                var value = extremes[random.Next(extremes.Length)];
                how = $"int64 at {at} = {value}";
                if (at + 8 <= bytes.Length)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), value);
                }

                return bytes;
            }
        }
    }

    private static string ReadExpectingCleanOutcome(byte[] bytes, string context) =>
        ReadExpectingCleanOutcome(() => ArrowIpcReader.Open(bytes), context);

    private static string ReadExpectingCleanOutcome(Func<IArrowBatchReader> open, string context)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            using var reader = open();
            _ = reader.Schema;
            var batches = 0;
            while (reader.ReadNextBatch() is { } batch)
            {
                foreach (var column in batch.Columns)
                {
                    LogicalComparer.Touch(column);
                }

                Assert.True(++batches < 10_000, $"{context}: endless batches");
            }

            return "read";
        }
        catch (CorruptFileException)
        {
            return "corrupt";
        }
        catch (NotSupportedException e) when (e.Message.StartsWith("Arrow IPC", StringComparison.Ordinal))
        {
            return "unsupported";
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{context}: {e.GetType().Name} escaped instead of CorruptFileException: {e.Message}\n{e.StackTrace}");
            return "crash";
        }
        finally
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < MaxAllocationPerInput, $"{context}: allocated {allocated} bytes");
        }
    }
}
