using System.Diagnostics;
using System.Globalization;
using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Fkj.Cdr.Terminology.Ecl.Parsing;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Terminology.Rf2.Synthetic;

namespace Fkj.Cdr.Cli.Snomed;

/// <summary>
/// <c>snomed generate --out DIR [--seed N] [--concepts N]</c> writes a synthetic RF2 release;
/// <c>snomed measure PATH...</c> builds the in-process index from RF2 Snapshots and reports build time, memory and
/// median latencies (subsumption, 10-hit search, descendants), the figures of docs/terminology.md.
/// </summary>
public static class SnomedCommand
{
    public const string Usage = """
        Usage: snomed generate --out DIR [--seed N] [--concepts N]
               snomed measure PATH [PATH...]     (release folders or zips)
        """ + "\n" + SnomedImportCommand.Usage;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var c = CultureInfo.InvariantCulture;
        switch (args[0])
        {
            case "generate":
            {
                string? output = null;
                var options = new SyntheticReleaseOptions();
                for (var i = 1; i + 1 < args.Length; i += 2)
                {
                    switch (args[i])
                    {
                        case "--out": output = args[i + 1]; break;
                        case "--seed": options = options with { Seed = ulong.Parse(args[i + 1], c) }; break;
                        case "--concepts": options = options with { Concepts = int.Parse(args[i + 1], c) }; break;
                        default: stderr.WriteLine($"snomed generate: unknown option {args[i]}"); return 2;
                    }
                }

                if (output is null)
                {
                    stderr.Write(Usage);
                    return 2;
                }

                var clock = Stopwatch.StartNew();
                var s = SyntheticRelease.Write(output, options);
                stdout.WriteLine(string.Create(c, $"generated in {clock.Elapsed.TotalSeconds:0.0} s: {s.Concepts} concepts ({s.InactiveConcepts} inactive), {s.Descriptions} descriptions ({s.NorwegianDescriptions} nb), {s.IsARelationships} IS-A rows ({s.ActiveIsARelationships} active), {s.AttributeRelationships} attribute relationships, {s.ConcreteValues} concrete values, {s.LanguageRefsetRows} language refset rows, depth {s.MaxDepth}"));
                stdout.WriteLine(s.InternationalFolder);
                stdout.WriteLine(s.NorwegianFolder);
                return 0;
            }

            case "import":
                return SnomedImportCommand.Run(args[1..], stdout, stderr);
            case "measure":
                return Measure(args[1..], stdout);
            default:
                stderr.Write(Usage);
                return 2;
        }
    }

    private static int Measure(string[] paths, TextWriter stdout)
    {
        var c = CultureInfo.InvariantCulture;
        var before = GC.GetTotalMemory(true);
        var clock = Stopwatch.StartNew();
        var index = SnomedIndexBuilder.Build(Rf2Release.Open(paths), step => stdout.WriteLine(string.Create(c, $"  {clock.Elapsed.TotalSeconds,6:0.0} s  {step}")));
        var build = clock.Elapsed;
        var managed = GC.GetTotalMemory(true) - before;
        stdout.WriteLine(string.Create(c, $"index built in {build.TotalSeconds:0.0} s; managed heap {managed / 1e6:0} MB; working set {Environment.WorkingSet / 1e6:0} MB"));
        stdout.WriteLine(string.Join(", ", index.Sizes().Select(kv => $"{kv.Key} {kv.Value:N0}")));

        var random = new Random(1);
        var ids = Enumerable.Range(0, index.ConceptCount).Select(_ => 0L).ToArray();
        var active = paths.Length > 0 ? Rf2Release.Open(paths).Concepts().Where(x => x.Active).Select(x => x.Id).ToArray() : [];

        // subsumption: random pairs, half of them true (a concept and one of its ancestors)
        var pairs = new List<(long, long)>();
        for (var i = 0; i < 20_000; i++)
        {
            var concept = active[random.Next(active.Length)];
            var ancestors = index.Ancestors(concept);
            pairs.Add(i % 2 == 0 && ancestors.Length > 0 ? (ancestors[random.Next(ancestors.Length)], concept) : (active[random.Next(active.Length)], concept));
        }

        var subsumption = Median(pairs, p => index.Subsumes(p.Item1, p.Item2));

        // 10-hit search: prefixes (3 to 6 letters) of one or two words of random preferred terms
        var queries = new List<string>();
        while (queries.Count < 2_000)
        {
            var words = TermNormaliser.Tokens(index.PreferredTerm(active[random.Next(active.Length)]) ?? "");
            if (words.Count == 0)
            {
                continue;
            }

            var first = words[random.Next(words.Count)];
            var q = first[..Math.Min(first.Length, 3 + random.Next(4))];
            if (words.Count > 1 && random.Next(2) == 0)
            {
                var second = words[random.Next(words.Count)];
                q += " " + second[..Math.Min(second.Length, 3 + random.Next(3))];
            }

            queries.Add(q);
        }

        var search = Median(queries, q => index.Search(new SearchRequest(q)).Count);
        var typos = queries.Take(200).Select(q => q.Length > 4 ? q[..2] + "x" + q[3..] + "zq" : q + "zzq").ToList();
        var fuzzy = Median(typos, q => index.Search(new SearchRequest(q)).Count);

        // descendants: the concept whose count is nearest 10,000, and whole hierarchies
        var near = active.OrderBy(x => Math.Abs(index.DescendantCount(x) - 10_000)).First();
        var descendants = Median(Enumerable.Repeat(near, 200).ToList(), x => index.Descendants(x).Length);
        var root = Median(Enumerable.Repeat(404684003L, 20).ToList(), x => index.Descendants(x).Length);

        stdout.WriteLine(string.Create(c, $"subsumption test median {subsumption * 1e6:0.00} µs"));
        stdout.WriteLine(string.Create(c, $"10-hit search median {search * 1e6:0} µs (prefix queries such as '{queries[0]}', '{queries[1]}'); fuzzy fallback median {fuzzy * 1e6:0} µs"));
        stdout.WriteLine(string.Create(c, $"<< {near} ({index.DescendantCount(near):N0} descendants) median {descendants * 1e3:0.000} ms; << 404684003 ({index.DescendantCount(404684003):N0}) median {root * 1e3:0.00} ms"));
        // ECL through the evaluator (parsed once; a fresh evaluator per call, as a request would have)
        foreach (var ecl in new[] { $"<< {near}", "<< 404684003 : 363698007 = << 39057004", "< 404684003 : 363698007 = << 39057004, 116676008 = *", "* : 1142139005 = #2" })
        {
            var parsed = EclParser.Parse(ecl);
            var count = new EclEvaluator(index).Evaluate(parsed).Count;
            var median = Median(Enumerable.Repeat(parsed, ecl.StartsWith('*') ? 10 : 50).ToList(), e => new EclEvaluator(index).Evaluate(e).Count);
            stdout.WriteLine(string.Create(c, $"ECL {ecl}: {count:N0} concepts, median {median * 1e3:0.000} ms"));
        }

        GC.KeepAlive(ids);
        return 0;
    }

    /// <summary>Median seconds per call, after one warm-up pass.</summary>
    private static double Median<T>(IReadOnlyList<T> inputs, Func<T, object> call)
    {
        foreach (var input in inputs.Take(Math.Min(inputs.Count, 500)))
        {
            call(input);
        }

        var times = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call(inputs[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }
}
