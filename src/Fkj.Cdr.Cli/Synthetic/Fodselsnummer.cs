namespace Fkj.Cdr.Cli.Synthetic;

/// <summary>
/// The Norwegian national identity number (fødselsnummer): 11 digits <c>DDMMYYIIIKK</c>, the birth date,
/// a three-digit individual number (whose range tells the century and whose last digit the sex: odd
/// male, even female) and two mod-11 check digits.
/// <para>
/// Synthetic numbers, as the Norwegian test registry (Tenor, Skatteetaten's synthetic population) issues
/// them, add 80 to the month (<c>MM</c> 81–92). No real person has such a number, so generated data can
/// never point at one. The check digits are computed over the digits as written, month + 80 included.
/// </para>
/// </summary>
public static class Fodselsnummer
{
    /// <summary>What synthetic numbers add to the month.</summary>
    public const int SyntheticMonthOffset = 80;

    /// <summary>The weights of the first check digit (digit 10), over digits 1–9.</summary>
    public static ReadOnlySpan<int> FirstWeights => [3, 7, 6, 1, 8, 9, 4, 5, 2];

    /// <summary>The weights of the second check digit (digit 11), over digits 1–10.</summary>
    public static ReadOnlySpan<int> SecondWeights => [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>
    /// The mod-11 check digit of <paramref name="digits"/>: 11 − (Σ digit × weight mod 11), where 11 gives 0.
    /// A result of 10 has no digit; it is returned as −1, and no valid number has those first digits.
    /// </summary>
    public static int CheckDigit(ReadOnlySpan<int> digits, ReadOnlySpan<int> weights)
    {
        if (digits.Length != weights.Length) throw new ArgumentException("one weight per digit", nameof(weights));
        var sum = 0;
        for (var i = 0; i < digits.Length; i++) sum += digits[i] * weights[i];
        var remainder = sum % 11;
        var check = remainder == 0 ? 0 : 11 - remainder;
        return check == 10 ? -1 : check;
    }

    /// <summary>
    /// The number of a person born on <paramref name="birthDate"/> with <paramref name="individualNumber"/>
    /// (0–999, in the range of that birth year's century), synthetic (month + 80) when asked; null when a
    /// check digit would be 10, so that no number exists for this individual number and the caller must take another.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The individual number does not belong to the birth year's century.</exception>
    public static string? Create(DateOnly birthDate, int individualNumber, bool synthetic)
    {
        if (!IndividualNumberFits(birthDate.Year, individualNumber))
            throw new ArgumentOutOfRangeException(nameof(individualNumber), individualNumber, $"not an individual number of someone born in {birthDate.Year}");

        Span<int> digits = stackalloc int[11];
        var month = birthDate.Month + (synthetic ? SyntheticMonthOffset : 0);
        var year = birthDate.Year % 100;
        digits[0] = birthDate.Day / 10;
        digits[1] = birthDate.Day % 10;
        digits[2] = month / 10;
        digits[3] = month % 10;
        digits[4] = year / 10;
        digits[5] = year % 10;
        digits[6] = individualNumber / 100;
        digits[7] = individualNumber / 10 % 10;
        digits[8] = individualNumber % 10;
        var k1 = CheckDigit(digits[..9], FirstWeights);
        if (k1 < 0) return null;
        digits[9] = k1;
        var k2 = CheckDigit(digits[..10], SecondWeights);
        if (k2 < 0) return null;
        digits[10] = k2;

        Span<char> text = stackalloc char[11];
        for (var i = 0; i < 11; i++) text[i] = (char)('0' + digits[i]);
        return new string(text);
    }

    /// <summary>True when <paramref name="number"/> is 11 digits with a valid date (plain or synthetic month), a valid individual number and both check digits right.</summary>
    public static bool IsValid(string? number) => number is not null && TryDecode(number, out _, out _);

    /// <summary>True when <paramref name="number"/> is valid and synthetic (month 81–92).</summary>
    public static bool IsSynthetic(string? number) => number is not null && TryDecode(number, out _, out var synthetic) && synthetic;

    /// <summary>The birth date a valid number encodes.</summary>
    public static DateOnly BirthDate(string number) =>
        TryDecode(number, out var date, out _) ? date : throw new FormatException($"'{number}' is not a valid fødselsnummer");

    /// <summary>True when the number is a woman's (even ninth digit).</summary>
    public static bool IsFemale(string number) =>
        IsValid(number) ? (number[8] - '0') % 2 == 0 : throw new FormatException($"'{number}' is not a valid fødselsnummer");

    /// <summary>True when <paramref name="individualNumber"/> is one given to people born in <paramref name="year"/>.</summary>
    public static bool IndividualNumberFits(int year, int individualNumber) => individualNumber switch
    {
        < 0 or > 999 => false,
        <= 499 => year is >= 1900 and <= 1999,
        <= 749 when year is >= 1854 and <= 1899 => true,
        <= 899 => year is >= 2000 and <= 2039,
        _ => year is (>= 1940 and <= 1999) or (>= 2000 and <= 2039),
    };

    private static bool TryDecode(string number, out DateOnly birthDate, out bool synthetic)
    {
        birthDate = default;
        synthetic = false;
        if (number.Length != 11) return false;
        Span<int> digits = stackalloc int[11];
        for (var i = 0; i < 11; i++)
        {
            var c = number[i];
            if (c is < '0' or > '9') return false;
            digits[i] = c - '0';
        }

        if (CheckDigit(digits[..9], FirstWeights) != digits[9]) return false;
        if (CheckDigit(digits[..10], SecondWeights) != digits[10]) return false;

        var day = digits[0] * 10 + digits[1];
        var month = digits[2] * 10 + digits[3];
        var yy = digits[4] * 10 + digits[5];
        var individual = digits[6] * 100 + digits[7] * 10 + digits[8];
        if (month > SyntheticMonthOffset)
        {
            synthetic = true;
            month -= SyntheticMonthOffset;
        }

        int century;
        if (individual <= 499) century = 1900;
        else if (individual <= 749 && yy >= 54) century = 1800;
        else if (yy <= 39) century = 2000;
        else if (individual >= 900) century = 1900;
        else return false;

        var year = century + yy;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        birthDate = new DateOnly(year, month, day);
        return true;
    }
}
