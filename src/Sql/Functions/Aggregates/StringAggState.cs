using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Functions.Strings;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>
/// string_agg / listagg(x, separator): the non-null values of each group joined in arrival order; the
/// separator is read from the first row (a constant per query); null for groups without values.
/// </summary>
public sealed class StringAggState : GroupedAggregateState
{
    private readonly List<byte[]>?[] _empty = [];
    private List<byte[]>?[] _parts;
    private byte[]? _separator;
    private long _bytes;

    public StringAggState() => _parts = _empty;

    public override long MemoryBytes => _bytes + (_parts.Length * 8L);

    public override void EnsureGroups(int groupCount) => GroupArrays.Ensure(ref _parts, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var v = arguments[0];
        for (var r = 0; r < rowCount; r++)
        {
            if (v.IsNull(r))
            {
                continue;
            }

            if (_separator is null && arguments.Length > 1)
            {
                _separator = arguments[1].IsNull(r) ? [] : arguments[1].GetBytes(r).ToArray();
            }

            var bytes = v.GetBytes(r).ToArray();
            _bytes += bytes.Length + 16;
            (_parts[groupIds[r]] ??= []).Add(bytes);
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (StringAggState)other;
        _separator ??= o._separator;
        _bytes += o._bytes;
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (o._parts[g] is { } list)
            {
                (_parts[groupMap[g]] ??= []).AddRange(list);
            }
        }
    }

    public override ArrowArray Finish(int groupCount)
    {
        var output = new Utf8ColumnWriter(groupCount, (int)Math.Min(_bytes, int.MaxValue / 2));
        var separator = _separator ?? [];
        for (var g = 0; g < groupCount; g++)
        {
            if (_parts[g] is not { } list)
            {
                output.AppendNull();
                continue;
            }

            for (var k = 0; k < list.Count; k++)
            {
                if (k > 0)
                {
                    output.Write(separator);
                }

                output.Write(list[k]);
            }

            output.EndValue();
        }

        return output.Build();
    }
}
