namespace Fkj.Cdr.Terminology.Index;

/// <summary>
/// Compressed sparse rows: the int lists of rows 0..n-1 kept end to end in one array, row r being
/// Values[Offsets[r]..Offsets[r+1]]. One allocation instead of a list per concept.
/// </summary>
internal sealed class Csr(int[] offsets, int[] values)
{
    public int[] Offsets { get; } = offsets;
    public int[] Values { get; } = values;

    public int Rows => Offsets.Length - 1;

    public ReadOnlySpan<int> this[int row] => Values.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    public long SizeInBytes => (Offsets.LongLength + Values.LongLength) * sizeof(int);

    /// <summary>Builds rows from (row, value) pairs; the values of a row keep the order given.</summary>
    public static Csr FromPairs(int rows, IReadOnlyList<int> pairRows, IReadOnlyList<int> pairValues)
    {
        var offsets = new int[rows + 1];
        for (var i = 0; i < pairRows.Count; i++)
        {
            offsets[pairRows[i] + 1]++;
        }

        for (var r = 0; r < rows; r++)
        {
            offsets[r + 1] += offsets[r];
        }

        var values = new int[pairRows.Count];
        var fill = (int[])offsets.Clone();
        for (var i = 0; i < pairRows.Count; i++)
        {
            values[fill[pairRows[i]]++] = pairValues[i];
        }

        return new Csr(offsets, values);
    }

    /// <summary>The transpose: row v lists every r with v in row r, ascending.</summary>
    public Csr Transpose(int rows)
    {
        var offsets = new int[rows + 1];
        foreach (var v in Values)
        {
            offsets[v + 1]++;
        }

        for (var r = 0; r < rows; r++)
        {
            offsets[r + 1] += offsets[r];
        }

        var values = new int[Values.Length];
        var fill = (int[])offsets.Clone();
        for (var r = 0; r < Rows; r++)
        {
            foreach (var v in this[r])
            {
                values[fill[v]++] = r;
            }
        }

        return new Csr(offsets, values);
    }
}
