using Fkj.Cdr.Cli.Synthetic;

namespace Fkj.Cdr.Cli.Tests.Synthetic;

/// <summary>
/// Fødselsnummer examples computed by hand from the official weights:
/// first check digit (k1) over digits 1–9 with 3 7 6 1 8 9 4 5 2, second (k2) over digits 1–10 with
/// 5 4 3 2 7 6 5 4 3 2; each is 11 − (sum mod 11), where 11 gives 0 and 10 means no number exists.
/// Synthetic numbers (Tenor) add 80 to the month; the check digits are computed over the digits as written.
/// </summary>
public class FodselsnummerTests
{
    // Born 12 March 1930, individual number 492, synthetic: 12 83 30 492.
    //   k1 = 1·3 + 2·7 + 8·6 + 3·1 + 3·8 + 0·9 + 4·4 + 9·5 + 2·2 = 3+14+48+3+24+0+16+45+4 = 157;
    //        157 mod 11 = 3 (154 = 14·11), k1 = 11 − 3 = 8
    //   k2 = 1·5 + 2·4 + 8·3 + 3·2 + 3·7 + 0·6 + 4·5 + 9·4 + 2·3 + 8·2 = 5+8+24+6+21+0+20+36+6+16 = 142;
    //        142 mod 11 = 10 (132 = 12·11), k2 = 11 − 10 = 1
    [Fact]
    public void Synthetic_1930_woman()
    {
        Assert.Equal("12833049281", Fodselsnummer.Create(new DateOnly(1930, 3, 12), 492, synthetic: true));
        Assert.True(Fodselsnummer.IsValid("12833049281"));
        Assert.True(Fodselsnummer.IsSynthetic("12833049281"));
        Assert.Equal(new DateOnly(1930, 3, 12), Fodselsnummer.BirthDate("12833049281"));
        Assert.True(Fodselsnummer.IsFemale("12833049281")); // 492: even
    }

    // Born 1 January 1950, synthetic: 01 81 50, individual numbers 000, 001, 002, 003, 004, 007.
    //   Digits 1–6 give k1 part 0·3 + 1·7 + 8·6 + 1·1 + 5·8 + 0·9 = 96 and k2 part 0·5 + 1·4 + 8·3 + 1·2 + 5·7 + 0·6 = 65.
    //   000: k1 sum 96, mod 11 = 8, k1 = 3;  k2 sum 65 + 0 + 3·2 = 71, mod 11 = 5, k2 = 6    → 01815000036
    //   001: k1 sum 96 + 1·2 = 98, mod 11 = 10, k1 = 1;  k2 sum 65 + 1·3 + 1·2 = 70, mod 11 = 4, k2 = 7 → 01815000117
    //   003: k1 sum 96 + 3·2 = 102, mod 11 = 3, k1 = 8;  k2 sum 65 + 3·3 + 8·2 = 90, mod 11 = 2, k2 = 9 → 01815000389
    //   007: k1 sum 96 + 7·2 = 110, mod 11 = 0, k1 = 0 (11 → 0);  k2 sum 65 + 7·3 + 0·2 = 86, mod 11 = 9, k2 = 2 → 01815000702
    [Theory]
    [InlineData(0, "01815000036", true)]
    [InlineData(1, "01815000117", false)]
    [InlineData(3, "01815000389", false)]
    [InlineData(7, "01815000702", false)]
    public void Synthetic_1950(int individual, string expected, bool female)
    {
        Assert.Equal(expected, Fodselsnummer.Create(new DateOnly(1950, 1, 1), individual, synthetic: true));
        Assert.True(Fodselsnummer.IsValid(expected));
        Assert.True(Fodselsnummer.IsSynthetic(expected));
        Assert.Equal(new DateOnly(1950, 1, 1), Fodselsnummer.BirthDate(expected));
        Assert.Equal(female, Fodselsnummer.IsFemale(expected));
    }

    //   002: k1 sum 96 + 2·2 = 100, mod 11 = 1, k1 = 10: no number.
    //   004: k1 sum 96 + 4·2 = 104, mod 11 = 5, k1 = 6;  k2 sum 65 + 4·3 + 6·2 = 89, mod 11 = 1, k2 = 10: no number.
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_check_digit_of_10_gives_no_number(int individual)
    {
        Assert.Null(Fodselsnummer.Create(new DateOnly(1950, 1, 1), individual, synthetic: true));
    }

    // Born 24 July 2005 (individual numbers 500–999 for 2000–2039), synthetic: 24 87 05.
    //   k1 part 2·3 + 4·7 + 8·6 + 7·1 + 0·8 + 5·9 = 6+28+48+7+0+45 = 134; k2 part 2·5 + 4·4 + 8·3 + 7·2 + 0·7 + 5·6 = 10+16+24+14+0+30 = 94.
    //   514: k1 sum 134 + 5·4 + 1·5 + 4·2 = 167, mod 11 = 2, k1 = 9;
    //        k2 sum 94 + 5·5 + 1·4 + 4·3 + 9·2 = 94+25+4+12+18 = 153, mod 11 = 10, k2 = 1 → 24870551491
    //   512: k1 sum 134 + 20 + 5 + 2·2 = 163, mod 11 = 9, k1 = 2;
    //        k2 sum 94 + 25 + 4 + 2·3 + 2·2 = 133, mod 11 = 1, k2 = 10: no number.
    [Fact]
    public void Synthetic_2005()
    {
        Assert.Equal("24870551491", Fodselsnummer.Create(new DateOnly(2005, 7, 24), 514, synthetic: true));
        Assert.Equal(new DateOnly(2005, 7, 24), Fodselsnummer.BirthDate("24870551491"));
        Assert.True(Fodselsnummer.IsFemale("24870551491"));
        Assert.Null(Fodselsnummer.Create(new DateOnly(2005, 7, 24), 512, synthetic: true));
    }

    // Not synthetic, born 1 January 1950, individual 000: 01 01 50 000.
    //   k1 = 0·3 + 1·7 + 0·6 + 1·1 + 5·8 + 0 + 0 + 0 + 0 = 48, mod 11 = 4, k1 = 7;
    //   k2 = 0·5 + 1·4 + 0·3 + 1·2 + 5·7 + 0 + 0 + 0 + 0 + 7·2 = 55, mod 11 = 0, k2 = 0 → 01015000070
    [Fact]
    public void A_plain_number_is_valid_but_not_synthetic()
    {
        Assert.Equal("01015000070", Fodselsnummer.Create(new DateOnly(1950, 1, 1), 0, synthetic: false));
        Assert.True(Fodselsnummer.IsValid("01015000070"));
        Assert.False(Fodselsnummer.IsSynthetic("01015000070"));
    }

    [Theory]
    [InlineData("12833049282")] // wrong k2
    [InlineData("12833049291")] // wrong k1
    [InlineData("1283304928")] // 10 digits
    [InlineData("128330492811")] // 12 digits
    [InlineData("12a33049281")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_numbers_are_refused(string? number)
    {
        Assert.False(Fodselsnummer.IsValid(number));
        Assert.False(Fodselsnummer.IsSynthetic(number));
    }

    [Fact]
    public void The_weights_are_the_official_ones()
    {
        Assert.Equal([3, 7, 6, 1, 8, 9, 4, 5, 2], Fodselsnummer.FirstWeights.ToArray());
        Assert.Equal([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], Fodselsnummer.SecondWeights.ToArray());
    }

    [Theory]
    [InlineData(1930, 0, true)]
    [InlineData(1930, 499, true)]
    [InlineData(1930, 500, false)]
    [InlineData(1930, 900, false)]
    [InlineData(1950, 900, true)]
    [InlineData(1950, 750, false)]
    [InlineData(1870, 600, true)]
    [InlineData(1870, 750, false)]
    [InlineData(2005, 500, true)]
    [InlineData(2005, 999, true)]
    [InlineData(2005, 499, false)]
    public void Individual_numbers_belong_to_centuries(int year, int individual, bool fits)
    {
        Assert.Equal(fits, Fodselsnummer.IndividualNumberFits(year, individual));
    }

    [Fact]
    public void An_individual_number_of_another_century_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fodselsnummer.Create(new DateOnly(2005, 7, 24), 100, synthetic: true));
    }

    [Fact]
    public void Generated_subjects_are_unique_valid_synthetic_and_agree_with_their_number()
    {
        var generator = new SubjectGenerator(123, new DateOnly(2026, 6, 30));
        var seen = new HashSet<string>();
        for (var i = 0; i < 5000; i++)
        {
            var subject = generator.Next();
            Assert.True(seen.Add(subject.Fodselsnummer), $"{subject.Fodselsnummer} issued twice");
            Assert.True(Fodselsnummer.IsSynthetic(subject.Fodselsnummer), subject.Fodselsnummer);
            Assert.InRange(int.Parse(subject.Fodselsnummer[2..4]), 81, 92);
            Assert.Equal(subject.BirthDate, Fodselsnummer.BirthDate(subject.Fodselsnummer));
            Assert.Equal(subject.Female, Fodselsnummer.IsFemale(subject.Fodselsnummer));
            Assert.InRange(subject.AgeOn(new DateOnly(2026, 6, 30)), 18, 105);
        }
    }
}
