using Lakehouse.Arrow;
using Lakehouse.Cli.Output.Formatting;

namespace Lakehouse.Cli.Output;

/// <summary>
/// Aligned columns for people: a header, a rule, one line per row, and a "(N rows)" footer. The first
/// <see cref="RowWriterOptions.TableSampleRows"/> rows are buffered to measure column widths; later rows
/// reuse those widths. Values wider than their column are cut with '…'; control characters are shown as
/// escapes so every row stays on one line; null is <c>NULL</c>; numbers are right-aligned. Widths count
/// Unicode scalar values (wide East Asian characters count as one).
/// </summary>
public sealed class TableRowWriter : RowWriter
{
    private const int MinColumnWidth = 4;
    private const int ReadableColumnWidth = 12;
    private static ReadOnlySpan<byte> Ellipsis => "…"u8;
    private static ReadOnlySpan<byte> Separator => " | "u8;

    private readonly Utf8Output _cells = new(4096);
    private readonly Utf8Output _value = new(256);
    private readonly List<Cell> _sample = [];
    private string[] _names = [];
    private bool[] _rightAligned = [];
    private int[] _widths = [];
    private bool[] _shown = [];
    private int _ellipsisAt = -1;
    private bool _headerPrinted;
    private int _sampledRows;

    public TableRowWriter(Utf8Output output, RowWriterOptions options)
        : base(output, options)
    {
    }

    protected override void WriteHeader(Schema schema)
    {
        _names = new string[schema.Count];
        for (var i = 0; i < _names.Length; i++)
        {
            _names[i] = schema[i].Name;
        }

        _rightAligned = new bool[schema.Count];
    }

    protected override void WriteRows(ValueFormatter[] columns, int rowCount)
    {
        if (!_headerPrinted && _sampledRows == 0)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                _rightAligned[c] = columns[c].IsNumeric;
            }
        }

        for (var row = 0; row < rowCount; row++)
        {
            if (_headerPrinted)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    _cells.Truncate(0);
                    var cell = Render(columns[c], row);
                    WriteCell(_cells.Written(cell.Start, cell.Length), cell.Width, c);
                }

                Output.Write((byte)'\n');
                Output.FlushIfFull();
                continue;
            }

            for (var c = 0; c < columns.Length; c++)
            {
                _sample.Add(Render(columns[c], row));
            }

            _sampledRows++;
            if (_sampledRows >= Options.TableSampleRows)
            {
                PrintSample();
            }
        }
    }

    protected override void WriteEnd()
    {
        if (Schema is null)
        {
            return;
        }

        if (!_headerPrinted)
        {
            PrintSample();
        }

        if (Options.TableFooter)
        {
            Output.Write(RowCount == 1 ? "(1 row)\n" : $"({RowCount} rows)\n");
        }
    }

    private static int DisplayWidth(ReadOnlySpan<byte> utf8)
    {
        var width = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                width++;
            }
        }

        return width;
    }

    /// <summary>Byte length of the first <paramref name="chars"/> scalar values.</summary>
    private static int PrefixBytes(ReadOnlySpan<byte> utf8, int chars)
    {
        var seen = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            if ((utf8[i] & 0xC0) != 0x80)
            {
                if (seen == chars)
                {
                    return i;
                }

                seen++;
            }
        }

        return utf8.Length;
    }

    private Cell Render(ValueFormatter formatter, int row)
    {
        var start = _cells.Position;
        if (!formatter.IsValid(row))
        {
            _cells.Write("NULL"u8);
        }
        else
        {
            _value.Truncate(0);
            formatter.WriteText(_value, row);
            JsonText.WriteDisplay(_cells, _value.Written());
        }

        var bytes = _cells.Written(start);
        return new Cell(start, bytes.Length, DisplayWidth(bytes));
    }

    private void PrintSample()
    {
        ComputeWidths();
        var names = new Utf8Output(256);
        for (var c = 0; c < _names.Length; c++)
        {
            names.Truncate(0);
            JsonText.WriteDisplay(names, System.Text.Encoding.UTF8.GetBytes(_names[c]));
            var bytes = names.Written();
            WriteCell(bytes, DisplayWidth(bytes), c, leftAlign: true);
        }

        Output.Write((byte)'\n');
        for (var c = 0; c < _widths.Length; c++)
        {
            if (!_shown[c])
            {
                if (c == _ellipsisAt)
                {
                    Output.Write("-+-"u8);
                    Output.Write((byte)'-');
                }

                continue;
            }

            if (c > 0)
            {
                Output.Write("-+-"u8);
            }

            Output.GetSpan(_widths[c])[.._widths[c]].Fill((byte)'-');
            Output.Advance(_widths[c]);
        }

        Output.Write((byte)'\n');
        var n = _names.Length;
        for (var r = 0; r < _sampledRows; r++)
        {
            for (var c = 0; c < n; c++)
            {
                var cell = _sample[(r * n) + c];
                WriteCell(_cells.Written(cell.Start, cell.Length), cell.Width, c);
            }

            Output.Write((byte)'\n');
            Output.FlushIfFull();
        }

        _sample.Clear();
        _cells.Truncate(0);
        _headerPrinted = true;
    }

    private void ComputeWidths()
    {
        var n = _names.Length;
        _widths = new int[n];
        _shown = new bool[n];
        Array.Fill(_shown, true);
        _ellipsisAt = -1;
        var cap = Math.Max(Options.MaxColumnWidth, MinColumnWidth);
        for (var c = 0; c < n; c++)
        {
            _widths[c] = Math.Min(DisplayWidth(System.Text.Encoding.UTF8.GetBytes(_names[c])), cap);
        }

        for (var i = 0; i < _sample.Count; i++)
        {
            var c = i % n;
            _widths[c] = Math.Max(_widths[c], Math.Min(_sample[i].Width, cap));
        }

        var limit = Options.TerminalWidth;
        if (limit <= 0 || n == 0 || TotalWidth() <= limit)
        {
            return;
        }

        // 1. Shrink the widest columns, but not below a readable width.
        var natural = (int[])_widths.Clone();
        ShrinkUntilFits(limit, c => Math.Min(natural[c], ReadableColumnWidth));
        if (TotalWidth() <= limit)
        {
            return;
        }

        // 2. Still too wide: keep columns from both ends (left first) at readable widths, hide the middle
        //    behind one '…' column, then give the kept columns as much of their natural width as fits.
        Array.Copy(natural, _widths, n);
        Array.Fill(_shown, false);
        var budget = limit - (Separator.Length + 1);
        var used = 0;
        var kept = 0;
        for (var k = 0; k < n; k++)
        {
            var c = (k % 2 == 0) ? k / 2 : n - 1 - (k / 2);
            var need = Math.Min(natural[c], ReadableColumnWidth) + (kept > 0 ? Separator.Length : 0);
            if (kept > 0 && used + need > budget)
            {
                break;
            }

            _shown[c] = true;
            used += need;
            kept++;
        }

        _ellipsisAt = Array.IndexOf(_shown, false);
        ShrinkUntilFits(limit, _ => MinColumnWidth);
    }

    /// <summary>Width of a line with the current widths and hidden columns.</summary>
    private int TotalWidth()
    {
        var total = 0;
        var count = 0;
        for (var c = 0; c < _widths.Length; c++)
        {
            if (_shown[c])
            {
                total += _widths[c];
                count++;
            }
        }

        if (_ellipsisAt >= 0)
        {
            total += 1;
            count++;
        }

        return total + (Separator.Length * Math.Max(0, count - 1));
    }

    private void ShrinkUntilFits(int limit, Func<int, int> floor)
    {
        var total = TotalWidth();
        while (total > limit)
        {
            var widest = -1;
            for (var c = 0; c < _widths.Length; c++)
            {
                if (_shown[c] && _widths[c] > floor(c) && (widest < 0 || _widths[c] > _widths[widest]))
                {
                    widest = c;
                }
            }

            if (widest < 0)
            {
                return;
            }

            _widths[widest]--;
            total--;
        }
    }

    private void WriteCell(ReadOnlySpan<byte> text, int width, int column, bool leftAlign = false)
    {
        if (!_shown[column])
        {
            if (column == _ellipsisAt)
            {
                Output.Write(Separator);
                Output.Write(Ellipsis);
            }

            return;
        }

        if (column > 0)
        {
            Output.Write(Separator);
        }

        var target = _widths[column];
        var last = column == Array.LastIndexOf(_shown, true);
        if (width > target)
        {
            Output.Write(text[..PrefixBytes(text, target - 1)]);
            Output.Write(Ellipsis);
            return;
        }

        var pad = target - width;
        if (_rightAligned[column] && !leftAlign)
        {
            Output.GetSpan(pad)[..pad].Fill((byte)' ');
            Output.Advance(pad);
            Output.Write(text);
        }
        else
        {
            Output.Write(text);
            if (!last)
            {
                Output.GetSpan(pad)[..pad].Fill((byte)' ');
                Output.Advance(pad);
            }
        }
    }

    private readonly record struct Cell(int Start, int Length, int Width);
}
