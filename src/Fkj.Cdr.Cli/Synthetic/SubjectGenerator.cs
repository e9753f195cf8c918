namespace Fkj.Cdr.Cli.Synthetic;

/// <summary>
/// Draws the subjects of a population one after another: ages of people who receive municipal health
/// and care services (mostly old, some younger), sex, and a unique synthetic fødselsnummer. The n-th
/// subject depends only on the seed and the subjects before it, so a smaller population is a prefix of
/// a larger one with the same seed.
/// </summary>
public sealed class SubjectGenerator
{
    private readonly SeededRandom random;
    private readonly DateOnly reference;
    private readonly HashSet<string> issued = new(StringComparer.Ordinal);

    /// <param name="seed">The population seed.</param>
    /// <param name="reference">The date ages are counted to (the end of the timeline).</param>
    public SubjectGenerator(ulong seed, DateOnly reference)
    {
        random = SeededRandom.For(seed, RandomStreams.Subjects, 0);
        this.reference = reference;
    }

    public Subject Next()
    {
        while (true)
        {
            var age = DrawAge();
            var female = random.Chance(age >= 80 ? 0.65 : 0.52);
            var daysOld = (int)(age * 365.2425) + random.Next(0, 365);
            var birthDate = reference.AddDays(-daysOld);
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var individual = DrawIndividualNumber(birthDate.Year, female);
                var number = Fodselsnummer.Create(birthDate, individual, synthetic: true);
                if (number is null || !issued.Add(number)) continue; // check digit 10, or taken: another individual number
                return new Subject(number, birthDate, female);
            }
        }
    }

    /// <summary>Age in years: most people with municipal care are old; some are younger (disability, chronic disease).</summary>
    private double DrawAge() => random.PickWeighted([0.55, 0.25, 0.15, 0.05]) switch
    {
        0 => Math.Clamp(random.Normal(87, 5.5), 78, 104),
        1 => random.Uniform(67, 80),
        2 => random.Uniform(45, 67),
        _ => random.Uniform(19, 45),
    };

    /// <summary>An individual number of the birth year's century, odd for men and even for women.</summary>
    private int DrawIndividualNumber(int year, bool female)
    {
        int number;
        if (year >= 2000) number = random.Next(500, 1000);
        else if (year >= 1940 && random.Chance(0.1)) number = random.Next(900, 1000);
        else number = random.Next(0, 500);
        number = (number & ~1) | (female ? 0 : 1);
        return number;
    }
}
