using System.Numerics;

namespace Lakehouse.Sql.Functions.Sketches;

/// <summary>
/// HyperLogLog distinct-count sketch over 64-bit hashes (approx_distinct). Starts exact: a small open-
/// addressing set of hashes (so low cardinalities are exact), then switches to 2^p one-byte registers.
/// Standard error 1.04 / sqrt(2^p): p = 11 (2048 registers) gives 2.3%, Trino's default. Mergeable.
/// </summary>
public sealed class HyperLogLog
{
    public const int DefaultPrecision = 11;

    private ulong[]? _sparse;
    private int _sparseCount;
    private byte[]? _registers;

    public HyperLogLog(int precision = DefaultPrecision)
    {
        if (precision is < 4 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(precision));
        }

        Precision = precision;
        _sparse = new ulong[16];
    }

    public int Precision { get; }

    public int RegisterCount => 1 << Precision;

    /// <summary>The standard error of the estimate: 1.04 / sqrt(registers).</summary>
    public double StandardError => 1.04 / System.Math.Sqrt(RegisterCount);

    /// <summary>The precision for approx_distinct(x, e): the smallest register count with standard error &lt;= e (Trino's bounds).</summary>
    public static int PrecisionForError(double maxStandardError)
    {
        if (!(maxStandardError >= 0.0040625 && maxStandardError <= 0.26))
        {
            throw FunctionErrors.InvalidArgument("Max standard error must be in [0.0040625, 0.26]: " + maxStandardError);
        }

        var buckets = System.Math.Pow(1.04 / maxStandardError, 2);
        var p = (int)System.Math.Ceiling(System.Math.Log2(buckets));
        return System.Math.Clamp(p, 4, 16);
    }

    /// <summary>True while the sketch still counts exactly.</summary>
    public bool IsExact => _registers is null;

    public void Add(ulong hash)
    {
        if (_registers is not null)
        {
            AddToRegisters(_registers, hash);
            return;
        }

        if (hash == 0)
        {
            hash = 1; // 0 marks an empty slot
        }

        var table = _sparse!;
        var mask = table.Length - 1;
        var i = (int)(hash >> 40) & mask;
        while (true)
        {
            var slot = table[i];
            if (slot == hash)
            {
                return;
            }

            if (slot == 0)
            {
                table[i] = hash;
                _sparseCount++;
                break;
            }

            i = (i + 1) & mask;
        }

        if (_sparseCount * 2 > table.Length)
        {
            // Grow while the set stays smaller than the registers would be, then switch to registers.
            if (table.Length * 2 * sizeof(ulong) <= RegisterCount)
            {
                Rehash(table.Length * 2);
            }
            else
            {
                ToDense();
            }
        }
    }

    public void Merge(HyperLogLog other)
    {
        if (other.Precision != Precision)
        {
            throw new ArgumentException("cannot merge sketches of different precision", nameof(other));
        }

        if (other._registers is null)
        {
            foreach (var h in other._sparse!)
            {
                if (h != 0)
                {
                    Add(h);
                }
            }

            return;
        }

        if (_registers is null)
        {
            ToDense();
        }

        var mine = _registers!;
        var theirs = other._registers;
        for (var i = 0; i < mine.Length; i++)
        {
            mine[i] = System.Math.Max(mine[i], theirs[i]);
        }
    }

    public long Estimate()
    {
        if (_registers is null)
        {
            return _sparseCount;
        }

        var m = (double)RegisterCount;
        double sum = 0;
        var zeros = 0;
        foreach (var r in _registers)
        {
            sum += System.Math.ScaleB(1.0, -r);
            if (r == 0)
            {
                zeros++;
            }
        }

        var alpha = RegisterCount switch
        {
            16 => 0.673,
            32 => 0.697,
            64 => 0.709,
            _ => 0.7213 / (1 + (1.079 / m)),
        };
        var estimate = alpha * m * m / sum;
        if (estimate <= 2.5 * m && zeros > 0)
        {
            estimate = m * System.Math.Log(m / zeros);
        }

        return (long)System.Math.Round(estimate);
    }

    private void AddToRegisters(byte[] registers, ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        var rest = (hash << Precision) | (1UL << (Precision - 1)); // guard bit bounds the rank
        var rank = (byte)(BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > registers[index])
        {
            registers[index] = rank;
        }
    }

    private void Rehash(int capacity)
    {
        var old = _sparse!;
        _sparse = new ulong[capacity];
        _sparseCount = 0;
        foreach (var h in old)
        {
            if (h != 0)
            {
                Add(h);
            }
        }
    }

    private void ToDense()
    {
        var registers = new byte[RegisterCount];
        foreach (var h in _sparse!)
        {
            if (h != 0)
            {
                AddToRegisters(registers, h);
            }
        }

        _registers = registers;
        _sparse = null;
        _sparseCount = 0;
    }
}
