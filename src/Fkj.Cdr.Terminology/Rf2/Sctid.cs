namespace Fkj.Cdr.Terminology.Rf2;

/// <summary>
/// SNOMED CT identifiers: an item identifier, an optional seven-digit namespace, a two-digit partition
/// identifier and a Verhoeff check digit, read right to left (SNOMED CT Technical Implementation Guide, 6.2).
/// </summary>
public static class Sctid
{
    public const int ConceptPartition = 0;
    public const int DescriptionPartition = 1;
    public const int RelationshipPartition = 2;
    /// <summary>The long-format (extension) partitions add 10: 10, 11, 12.</summary>
    public const int ExtensionOffset = 10;

    private static readonly byte[,] Multiplication =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] Permutation =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    private static readonly byte[] Inverse = { 0, 4, 3, 2, 1, 5, 6, 7, 8, 9 };

    /// <summary>The Verhoeff check digit to append to <paramref name="digits"/> (a non-negative number).</summary>
    public static int CheckDigit(long digits)
    {
        var c = 0;
        for (var i = 1; ; i++)
        {
            c = Multiplication[c, Permutation[i % 8, (int)(digits % 10)]];
            digits /= 10;
            if (digits == 0)
            {
                return Inverse[c];
            }
        }
    }

    /// <summary>True when the number's last digit is its Verhoeff check digit.</summary>
    public static bool HasValidCheckDigit(long id)
    {
        if (id <= 0)
        {
            return false;
        }

        var c = 0;
        for (var i = 0; id > 0; i++, id /= 10)
        {
            c = Multiplication[c, Permutation[i % 8, (int)(id % 10)]];
        }

        return c == 0;
    }

    /// <summary>The partition identifier: the second and third digits from the right.</summary>
    public static int Partition(long id) => (int)(id / 10 % 100);

    /// <summary>
    /// A valid SCTID: 6 to 18 digits, a known partition (00–02 short format, 10–12 long format with a namespace),
    /// and a correct check digit.
    /// </summary>
    public static bool IsValid(long id, int? expectedPartition = null)
    {
        if (id < 100_000 || !HasValidCheckDigit(id))
        {
            return false;
        }

        var partition = Partition(id);
        if (partition is not (0 or 1 or 2 or 10 or 11 or 12))
        {
            return false;
        }

        if (partition >= ExtensionOffset && id < 10_000_000_000)
        {
            return false; // a long-format id needs its seven-digit namespace and an item identifier
        }

        return expectedPartition is null || partition % ExtensionOffset == expectedPartition;
    }

    /// <summary>A short-format (International) identifier.</summary>
    public static long Create(long itemId, int partition)
    {
        var body = itemId * 100 + partition;
        return body * 10 + CheckDigit(body);
    }

    /// <summary>A long-format identifier in an extension namespace (partition 10, 11 or 12).</summary>
    public static long Create(long itemId, int namespaceId, int partition)
    {
        var body = (itemId * 10_000_000 + namespaceId) * 100 + ExtensionOffset + partition;
        return body * 10 + CheckDigit(body);
    }
}
