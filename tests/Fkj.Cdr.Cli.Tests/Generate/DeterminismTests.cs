using System.Security.Cryptography;
using System.Text;
using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Cli.Tests.Generate;

/// <summary>The same seed gives the same bytes, whatever the thread count; another seed gives other data.</summary>
public class DeterminismTests
{
    private static Dictionary<string, byte[]> Generate(string dir, ulong seed, int ehrs = 12, int compositions = 8, int threads = 2)
    {
        new PopulationWriter(new GenerateOptions
        {
            Ehrs = ehrs, CompositionsPerEhr = compositions, Seed = seed, Out = dir, Threads = threads,
        }).Write();
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes);
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_files()
    {
        using var a = new TempDirectory("fkj-gen-a");
        using var b = new TempDirectory("fkj-gen-b");
        var first = Generate(a.Path, 7, threads: 1);
        var second = Generate(b.Path, 7, threads: 3);

        Assert.Equal(1 + 12 + 12 * 8, first.Count); // manifest, EHRs, compositions
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (name, bytes) in first)
            Assert.True(bytes.AsSpan().SequenceEqual(second[name]), $"{name} differs between two runs with seed 7");
    }

    [Fact]
    public void Another_seed_gives_other_subjects_and_other_measurements()
    {
        using var a = new TempDirectory("fkj-gen-a");
        using var b = new TempDirectory("fkj-gen-b");
        var seven = Generate(a.Path, 7);
        var eight = Generate(b.Path, 8);

        Assert.Equal(seven.Keys.Order(), eight.Keys.Order());
        foreach (var (name, bytes) in seven)
            Assert.False(bytes.AsSpan().SequenceEqual(eight[name]), $"{name} is the same for seeds 7 and 8");
    }

    [Fact]
    public void A_smaller_population_is_a_prefix_of_a_larger_one()
    {
        using var a = new TempDirectory("fkj-gen-a");
        using var b = new TempDirectory("fkj-gen-b");
        var small = Generate(a.Path, 9, ehrs: 3);
        var large = Generate(b.Path, 9, ehrs: 12);
        foreach (var (name, bytes) in small.Where(f => f.Key != "manifest.json"))
            Assert.True(bytes.AsSpan().SequenceEqual(large[name]), $"{name} differs");
    }

    /// <summary>
    /// Pins the output of one seed. When a change to the generator (or to the canonical JSON encoder)
    /// changes what a seed produces, this fails: check that the change is meant, bump
    /// PopulationModel.GeneratorVersion, and put the new digest here.
    /// </summary>
    private const string Golden = "6806701bc771e03cdc80f28317a55997c3b832eb564883038b7a15af46110bac";

    [Fact]
    public void The_output_of_a_seed_stays_the_same_across_builds()
    {
        using var dir = new TempDirectory("fkj-gen");
        var files = Generate(dir.Path, 42, ehrs: 3, compositions: 4);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(bytes);
        }

        var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
        Assert.True(digest == Golden, $"the output of seed 42 changed: its digest is now {digest}. If that is meant, bump GeneratorVersion and update Golden.");
    }
}
