namespace Fkj.Cdr.Terminology.Ecl.Evaluation;

/// <summary>Merges of ascending int arrays without duplicates, and conversions to and from a bitmap.</summary>
internal static class SortedSets
{
    public static int[] Union(int[] a, int[] b)
    {
        if (a.Length == 0) return b;
        if (b.Length == 0) return a;
        var result = new int[a.Length + b.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j]) result[k++] = a[i++];
            else if (a[i] > b[j]) result[k++] = b[j++];
            else { result[k++] = a[i++]; j++; }
        }

        while (i < a.Length) result[k++] = a[i++];
        while (j < b.Length) result[k++] = b[j++];
        Array.Resize(ref result, k);
        return result;
    }

    public static int[] Intersect(int[] a, int[] b)
    {
        var result = new int[Math.Min(a.Length, b.Length)];
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else { result[k++] = a[i++]; j++; }
        }

        Array.Resize(ref result, k);
        return result;
    }

    public static int[] Except(int[] a, int[] b)
    {
        var result = new int[a.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length)
        {
            if (j >= b.Length || a[i] < b[j]) result[k++] = a[i++];
            else if (a[i] > b[j]) j++;
            else { i++; j++; }
        }

        Array.Resize(ref result, k);
        return result;
    }

    public static bool[] Bitmap(int[] items, int size)
    {
        var bits = new bool[size];
        foreach (var c in items) bits[c] = true;
        return bits;
    }

    public static int[] FromBitmap(bool[] bits)
    {
        var count = 0;
        foreach (var b in bits) if (b) count++;
        var result = new int[count];
        var k = 0;
        for (var c = 0; c < bits.Length; c++) if (bits[c]) result[k++] = c;
        return result;
    }

    public static int[] Range(int count)
    {
        var result = new int[count];
        for (var i = 0; i < count; i++) result[i] = i;
        return result;
    }
}
