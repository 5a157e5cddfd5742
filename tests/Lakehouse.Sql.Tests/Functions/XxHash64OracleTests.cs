using System.Runtime.InteropServices;
using Lakehouse.Sql.Functions.Hashing;
using Xunit;

namespace Lakehouse.Sql.Tests.Functions;

/// <summary>
/// Our XXH64 against the reference C implementation (libxxhash, the xxHash authors' library, installed by ./test)
/// over every input length from 0 to 1,100 bytes — all stripe/tail combinations — and several seeds.
/// </summary>
public sealed class XxHash64OracleTests
{
    private const string Library = "libxxhash.so.0";

    [SkippableFact]
    public void Matches_libxxhash_for_every_length_and_tail_shape()
    {
        Skip.IfNot(NativeLibrary.TryLoad(Library, out var handle), $"{Library} is not installed (./test installs libxxhash0)");
        NativeLibrary.Free(handle);
        var random = new Random(64);
        var data = new byte[1100];
        random.NextBytes(data);
        ulong[] seeds = [0, 1, 0x9E3779B185EBCA87UL, ulong.MaxValue];
        for (var length = 0; length <= data.Length; length++)
        {
            var input = data.AsSpan(0, length).ToArray();
            foreach (var seed in seeds)
            {
                var expected = NativeMethods.XXH64(input, (nuint)length, seed);
                Assert.True(expected == XxHash64.Hash(input, seed), $"length {length}, seed {seed:X}: libxxhash {expected:X16}, ours {XxHash64.Hash(input, seed):X16}");
            }
        }
    }

    [SkippableFact]
    public void Int64_shortcut_matches_libxxhash()
    {
        Skip.IfNot(NativeLibrary.TryLoad(Library, out var handle), $"{Library} is not installed (./test installs libxxhash0)");
        NativeLibrary.Free(handle);
        long[] values = [0, 1, -1, long.MinValue, long.MaxValue, 123456789, -987654321012];
        foreach (var value in values)
        {
            Assert.Equal(NativeMethods.XXH64(BitConverter.GetBytes(value), 8, 0), XxHash64.HashInt64(value));
        }
    }

    private static class NativeMethods
    {
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern ulong XXH64(byte[] input, nuint length, ulong seed);
    }
}
