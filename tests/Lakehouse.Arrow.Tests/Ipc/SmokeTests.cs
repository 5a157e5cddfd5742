using Lakehouse.Arrow.Ipc;
using Lakehouse.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Lakehouse.Arrow.Tests.Ipc;

public sealed class SmokeTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void ReadsEveryGoldenFile()
    {
        var root = SharedFixtures.Require("arrow-ipc");
        foreach (var path in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
        {
            if (!path.EndsWith(".stream", StringComparison.Ordinal) && !path.EndsWith(".arrow_file", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var reader = ArrowIpcReader.Open(path);
                var rows = new List<int>();
                while (reader.ReadNextBatch() is { } b)
                {
                    rows.Add(b.Length);
                }

                output.WriteLine($"OK {Path.GetFileName(path)} rows=[{string.Join(",", rows)}]");
            }
            catch (Exception e)
            {
                output.WriteLine($"FAIL {Path.GetFileName(path)}: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
