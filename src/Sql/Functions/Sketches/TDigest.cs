namespace Lakehouse.Sql.Functions.Sketches;

/// <summary>
/// A merging t-digest (Dunning and Ertl) for approx_percentile: centroids sized by the k1 (arcsine) scale
/// function, so the tails are kept nearly exact. With compression 100 (Trino's default) the rank error is
/// typically well under 1% in the middle and far smaller near the extremes. Mergeable.
/// </summary>
public sealed class TDigest
{
    public const double DefaultCompression = 100;

    private readonly double _compression;
    private double[] _means;
    private double[] _weights;
    private int _count;
    private readonly double[] _bufferMeans;
    private readonly double[] _bufferWeights;
    private int _bufferCount;
    private double _bufferedWeight;
    private bool _bufferHasWeights;

    public TDigest(double compression = DefaultCompression)
    {
        _compression = compression;
        var capacity = (int)System.Math.Ceiling(compression * 2) + 10;
        _means = new double[capacity];
        _weights = new double[capacity];
        _bufferMeans = new double[capacity * 5];
        _bufferWeights = new double[capacity * 5];
        Min = double.PositiveInfinity;
        Max = double.NegativeInfinity;
    }

    public double Min { get; private set; }

    public double Max { get; private set; }

    public double TotalWeight { get; private set; }

    public void Add(double value, double weight = 1)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        if (_bufferCount == _bufferMeans.Length)
        {
            Compress();
        }

        _bufferMeans[_bufferCount] = value;
        _bufferWeights[_bufferCount] = weight;
        _bufferHasWeights |= weight != 1;
        _bufferCount++;
        _bufferedWeight += weight;
        Min = System.Math.Min(Min, value);
        Max = System.Math.Max(Max, value);
    }

    public void Merge(TDigest other)
    {
        other.Compress();
        for (var i = 0; i < other._count; i++)
        {
            Add(other._means[i], other._weights[i]);
        }

        Min = System.Math.Min(Min, other.Min);
        Max = System.Math.Max(Max, other.Max);
    }

    /// <summary>The estimated value at quantile <paramref name="q"/> in [0, 1]; NaN when empty.</summary>
    public double Quantile(double q)
    {
        Compress();
        if (_count == 0)
        {
            return double.NaN;
        }

        if (_count == 1)
        {
            return _means[0];
        }

        var total = TotalWeight;
        var index = q * total;
        if (index <= 0)
        {
            return Min;
        }

        if (index >= total)
        {
            return Max;
        }

        // Below the first centroid's center: interpolate from the minimum.
        var firstCenter = _weights[0] / 2;
        if (index < firstCenter)
        {
            if (_weights[0] == 1)
            {
                return Min;
            }

            return Min + ((_means[0] - Min) * (index / firstCenter));
        }

        double cumulative = 0;
        for (var i = 0; i < _count - 1; i++)
        {
            var center = cumulative + (_weights[i] / 2);
            var nextCenter = cumulative + _weights[i] + (_weights[i + 1] / 2);
            if (index < nextCenter)
            {
                // Singletons are exact values: no interpolation into them.
                if (_weights[i] == 1 && index - center < 0.5)
                {
                    return _means[i];
                }

                if (_weights[i + 1] == 1 && nextCenter - index <= 0.5)
                {
                    return _means[i + 1];
                }

                var t = (index - center) / (nextCenter - center);
                return _means[i] + ((_means[i + 1] - _means[i]) * t);
            }

            cumulative += _weights[i];
        }

        var lastCenter = total - (_weights[_count - 1] / 2);
        if (_weights[_count - 1] == 1)
        {
            return Max;
        }

        return _means[_count - 1] + ((Max - _means[_count - 1]) * ((index - lastCenter) / (total - lastCenter)));
    }

    private void Compress()
    {
        if (_bufferCount == 0)
        {
            return;
        }

        // The buffer is sorted on its own and merged with the (already sorted) centroids.
        if (_bufferHasWeights)
        {
            Array.Sort(_bufferMeans, _bufferWeights, 0, _bufferCount);
        }
        else
        {
            // Unit weights (raw values): sorting the values alone is enough and about twice as fast.
            Array.Sort(_bufferMeans, 0, _bufferCount);
        }

        _bufferHasWeights = false;
        var n = _count + _bufferCount;
        var means = new double[n];
        var weights = new double[n];
        for (int i = 0, c = 0, bu = 0; i < n; i++)
        {
            if (bu == _bufferCount || (c < _count && _means[c] <= _bufferMeans[bu]))
            {
                means[i] = _means[c];
                weights[i] = _weights[c++];
            }
            else
            {
                means[i] = _bufferMeans[bu];
                weights[i] = _bufferWeights[bu++];
            }
        }

        TotalWeight += _bufferedWeight;
        _bufferCount = 0;
        _bufferedWeight = 0;

        // A centroid may grow while its upper quantile q satisfies k(q) - k(q_low) <= 1 with the k1 scale
        // k(q) = c/(2 pi) asin(2q - 1); k is increasing, so that is q <= QuantileLimit(q_low), computed once per
        // centroid instead of an arcsine per point.
        var total = TotalWeight;
        var normalizer = _compression / (2 * System.Math.PI);
        var outCount = 0;
        var curMean = means[0];
        var curWeight = weights[0];
        double weightSoFar = 0;
        var qLimit = QuantileLimit(0, normalizer);
        for (var i = 1; i < n; i++)
        {
            var proposed = curWeight + weights[i];
            if ((weightSoFar + proposed) / total <= qLimit)
            {
                curMean += (means[i] - curMean) * weights[i] / proposed;
                curWeight = proposed;
            }
            else
            {
                Emit(ref outCount, curMean, curWeight);
                weightSoFar += curWeight;
                qLimit = QuantileLimit(weightSoFar / total, normalizer);
                curMean = means[i];
                curWeight = weights[i];
            }
        }

        Emit(ref outCount, curMean, curWeight);
        _count = outCount;
    }

    private void Emit(ref int outCount, double mean, double weight)
    {
        if (outCount == _means.Length)
        {
            Array.Resize(ref _means, _means.Length * 2);
            Array.Resize(ref _weights, _weights.Length * 2);
        }

        _means[outCount] = mean;
        _weights[outCount] = weight;
        outCount++;
    }

    /// <summary>The largest upper quantile a centroid starting at <paramref name="qLow"/> may reach (k1 scale, one unit of k).</summary>
    private static double QuantileLimit(double qLow, double normalizer)
    {
        var angle = System.Math.Asin((2 * System.Math.Clamp(qLow, 0, 1)) - 1) + (1 / normalizer);
        return angle >= System.Math.PI / 2 ? double.PositiveInfinity : (System.Math.Sin(angle) + 1) / 2;
    }
}
