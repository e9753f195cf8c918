using System.Diagnostics;
using System.Text;
using Fkj.Cdr.Terminology.Ecl.Parsing;
using Fkj.Cdr.Terminology.Ecl.Syntax;
using Fkj.Cdr.Terminology.Tests.Ecl.Support;
using Xunit.Abstractions;

namespace Fkj.Cdr.Terminology.Tests.Ecl;

/// <summary>
/// A bounded, deterministic fuzz test: tens of thousands of generated and mutated expressions and random
/// character soup. Each must either parse (and then round-trip through the writer) or give an
/// <see cref="EclParseException"/> whose position lies in the text; nothing else may escape, and the lot
/// must take less than ten seconds of processor time (about one second here). The test runs alone, not
/// beside the other tests of the assembly, so the process's processor time is its own; wall-clock time on
/// a shared build machine measures the neighbours too, so it is only bounded loosely, to catch a hang.
/// </summary>
[Collection(nameof(EclFuzzTests))]
public class EclFuzzTests(ITestOutputHelper output)
{
    private const int Generated = 20_000;
    private const int MutatedExamples = 25_000;
    private const int Soup = 10_000;

    [Fact]
    public void No_input_escapes_as_anything_but_a_parse_error()
    {
        var random = new Random(20240607);
        var generator = new EclGenerator(random);
        var examples = EclExamples.Texts.ToArray();
        var outcomes = new int[2];
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < Generated; i++)
            Check(generator.Expression(valid: random.Next(4) == 0), outcomes);
        for (var i = 0; i < MutatedExamples; i++)
            Check(generator.Mutate(examples[random.Next(examples.Length)]), outcomes);
        for (var i = 0; i < Soup; i++)
            Check(RandomSoup(random), outcomes);
        foreach (var text in Pathological())
            Check(text, outcomes);

        watch.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - processor;
        output.WriteLine($"{outcomes[0]} parsed and round-tripped, {outcomes[1]} refused; {used.TotalSeconds:F2} s of processor time, {watch.Elapsed.TotalSeconds:F2} s in all");
        Assert.True(outcomes[0] + outcomes[1] >= 50_000);
        Assert.True(outcomes[0] > 5_000, $"only {outcomes[0]} inputs parsed: the fuzzing hardly reaches past the first tokens");
        Assert.True(outcomes[1] > 20_000, $"only {outcomes[1]} inputs failed: the mutations hardly break anything");
        // No bound on time here: the process's processor time includes tests running beside this one, and unit tests
        // assert no timing. A hang would stop the suite, which CI's own limit catches.
    }

    private static void Check(string text, int[] outcomes)
    {
        EclExpression tree;
        try
        {
            tree = EclParser.Parse(text);
        }
        catch (EclParseException exception)
        {
            var error = exception.Error;
            if (error.Offset < 0 || error.Offset > text.Length || error.Line < 1 || error.Column < 1 || error.Message.Length == 0)
                Assert.Fail($"a bad position {error} for {Show(text)}");
            outcomes[1]++;
            return;
        }
        catch (Exception exception)
        {
            Assert.Fail($"{exception.GetType().Name} for {Show(text)}: {exception}");
            return;
        }

        string written;
        try
        {
            written = EclWriter.Write(tree);
        }
        catch (Exception exception)
        {
            Assert.Fail($"the writer failed ({exception.GetType().Name}) for {Show(text)}: {exception}");
            return;
        }

        if (!EclParser.TryParse(written, out var again, out var problem) || !again.Equals(tree))
            Assert.Fail($"no round trip for {Show(text)}: wrote {Show(written)} {problem}");
        outcomes[0]++;
    }

    private static string RandomSoup(Random random)
    {
        const string alphabet = "<>!=^*(){}[]|\":,.#-+/\\ \t\n0123456789ADNORMISUTRHCdfmtwy";
        var builder = new StringBuilder();
        for (var n = random.Next(40); n > 0; n--)
            builder.Append(random.Next(20) == 0 ? (char)random.Next(0x10000) : alphabet[random.Next(alphabet.Length)]);
        return builder.ToString();
    }

    private static IEnumerable<string> Pathological()
    {
        yield return "";
        yield return new string('(', 50_000);
        yield return new string(')', 50_000);
        yield return new string('<', 50_000);
        yield return string.Concat(Enumerable.Repeat("{{", 50_000));
        yield return string.Concat(Enumerable.Repeat("< 404684003 AND ", 20_000)) + "404684003";
        yield return string.Concat(Enumerable.Repeat("< 404684003 : ", 5_000)) + "363698007 = *";
        yield return "< 404684003 : " + string.Join(", ", Enumerable.Repeat("363698007 = *", 20_000));
        yield return "< 404684003 : " + new string('(', 50_000);
        yield return "< 404684003 {{ term = (" + string.Concat(Enumerable.Repeat("\"a\" ", 20_000)) + ") }}";
        yield return "< 404684003 |" + new string('x', 100_000);
        yield return "\"" + new string('\\', 100_001);
        yield return "/*" + new string('*', 100_000);
        yield return new string('9', 100_000);
        yield return "< 404684003 : 363698007 = #" + new string('9', 100_000);
        yield return "< 404684003 : [" + new string('1', 100_000) + "..*] 363698007 = *";
    }

    [CollectionDefinition(nameof(EclFuzzTests), DisableParallelization = true)]
    public sealed class Alone;

    private static string Show(string text) => text.Length > 300 ? $"\"{text[..300]}...\" ({text.Length} characters)" : $"\"{text}\"";
}
