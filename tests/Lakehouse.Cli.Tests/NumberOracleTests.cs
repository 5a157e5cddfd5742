using System.Globalization;
using System.Text;
using Lakehouse.Arrow.Types;
using Xunit;
using static Lakehouse.Cli.Tests.ArrayFactory;

namespace Lakehouse.Cli.Tests;

/// <summary>Our double text against ECMAScript's Number.prototype.toString (node), and exact round trips.</summary>
public class NumberOracleTests
{
    private static double?[] SampleDoubles()
    {
        var random = new Random(20261122);
        var values = new List<double?> { 0.1, 0.2 + 0.1, 1.0 / 3, 1e21, 1e-7, 123e-20, 9007199254740993, 5e-324, 2.2250738585072014e-308, double.MaxValue, -1e-6, 1e-6, 999999999999999900000.0 };
        Span<byte> bytes = stackalloc byte[8];
        while (values.Count < 3000)
        {
            random.NextBytes(bytes);
            var d = BitConverter.ToDouble(bytes);
            if (double.IsFinite(d))
            {
                values.Add(d);
            }

            // Also "human" numbers with few digits at many magnitudes.
            values.Add(Math.Round(random.NextDouble() * 1000, random.Next(0, 6)) * Math.Pow(10, random.Next(-30, 30)));
        }

        return values.ToArray();
    }

    [SkippableFact]
    public void DoublesMatchEcmaScriptToString()
    {
        var values = SampleDoubles();
        var ours = Jsonl.Single(Primitive(ArrowType.Float64, values));
        var input = new StringBuilder();
        foreach (var v in values)
        {
            input.Append(BitConverter.DoubleToInt64Bits(v!.Value).ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
        }

        var expected = NodeScript.Run("ecmascript-numbers.mjs", input.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Length, ours.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.True(expected[i] == ours[i], $"{values[i]:R}: node says {expected[i]}, we wrote {ours[i]}");
        }
    }

    [Fact]
    public void DoublesRoundTripExactly()
    {
        var values = SampleDoubles();
        var ours = Jsonl.Single(Primitive(ArrowType.Float64, values));
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(values[i]!.Value), BitConverter.DoubleToInt64Bits(double.Parse(ours[i], CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void FloatsRoundTripAsFloat32()
    {
        var random = new Random(5);
        var values = new float?[2000];
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < values.Length; i++)
        {
            do
            {
                random.NextBytes(bytes);
                values[i] = BitConverter.ToSingle(bytes);
            }
            while (!float.IsFinite(values[i]!.Value));
        }

        var ours = Jsonl.Single(Primitive(ArrowType.Float32, values));
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(values[i]!.Value), BitConverter.SingleToInt32Bits(float.Parse(ours[i], CultureInfo.InvariantCulture)));
        }
    }
}
