using System.Text;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Terminology.Storage;
using Fkj.Cdr.Testing;
using Npgsql;

namespace Fkj.Cdr.Terminology.Tests.Storage;

/// <summary>
/// Importing RF2 into the terminology tables and building the index back from them.
/// <para>
/// Expected counts are read off the RF2 files with the shell, not from the code: for each kind, the distinct ids of the
/// Snapshot files' data rows (comment lines and headers left out), e.g. for concepts of the dummy release
/// <c>find snowstorm-dummy/RF2Release/Snapshot -name 'sct2_Concept_*Snapshot*' -exec cat {} + | grep -v '^#' | grep -v '^id' | awk -F'\t' 'NF>1{print $1}' | sort -u | wc -l</c>
/// (103), likewise sct2_Description_ (329), sct2_TextDefinition_ (0), sct2_Relationship_ (134),
/// sct2_RelationshipConcreteValues_ (0), the members of der2_* and sct2_sRefset* files (337) and their distinct
/// refsetId, column 5 (9). For snowstorm-lite-mini (both releases): 25, 20, 0, 18, 5, 34 and 8.
/// </para>
/// </summary>
[Collection(SnomedDatabaseCollection.Name)]
public sealed class SnomedStoreTests(SnomedDatabase cluster)
{
    private static readonly string Dummy = Fixtures.Path("snomed", "snowstorm-dummy", "RF2Release");
    private static readonly string Mini = Fixtures.Path("snomed", "snowstorm-lite-mini");

    [Fact]
    public async Task The_dummy_release_fills_each_table_with_one_row_per_component()
    {
        await using var database = await cluster.CreateAsync();
        var store = new SnomedStore(database.DataSource);
        Assert.False(await store.HasReleaseAsync());

        var result = store.Import(Rf2Release.Open(Dummy), "dummy");

        var counts = await store.CountsAsync();
        Assert.Equal(new SnomedTableCounts(103, 329, 134, 0, 9, 337, counts.ClosureRows, 1), counts);
        Assert.Equal(103, result.Read["concepts"]);
        Assert.Equal(103, result.Changed["concepts"]);
        Assert.True(await store.HasReleaseAsync());
        // Every Snapshot file that was read is recorded with its size and hash; the stated relationships are not read.
        var concept = result.Files.Single(f => f.Name == "sct2_Concept_Snapshot_INT_20180731.txt");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Dummy, "Snapshot", "Terminology", concept.Name));
        Assert.Equal(bytes.Length, concept.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), concept.Sha256);
        Assert.DoesNotContain(result.Files, f => f.Name.Contains("StatedRelationship", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_mini_releases_import_together()
    {
        await using var database = await cluster.CreateAsync();
        var store = new SnomedStore(database.DataSource);

        store.Import(Rf2Release.Open(Mini), "mini");

        var counts = await store.CountsAsync();
        Assert.Equal(new SnomedTableCounts(25, 20, 18, 5, 8, 34, counts.ClosureRows, 1), counts);
    }

    [Fact]
    public async Task The_index_built_from_the_tables_answers_as_the_index_built_from_the_files()
    {
        await using var database = await cluster.CreateAsync();
        var store = new SnomedStore(database.DataSource);
        store.Import(Rf2Release.Open(Dummy), "dummy");

        var files = SnomedIndexBuilder.Build(Rf2Release.Open(Dummy));
        var tables = SnomedIndexBuilder.Build(store.Source());

        Assert.Equal(files.Sizes(), tables.Sizes());
        var ids = Rf2Release.Open(Dummy).Concepts().Select(c => c.Id).ToArray();
        foreach (var a in ids)
        {
            Assert.Equal(files.IsActive(a), tables.IsActive(a));
            Assert.Equal(files.PreferredTerm(a), tables.PreferredTerm(a));
            Assert.Equal(files.Descriptions(a).Select(d => (d.Id, d.Term)), tables.Descriptions(a).Select(d => (d.Id, d.Term)));
            Assert.Equal(files.Relationships(a).Select(r => r.ToString()), tables.Relationships(a).Select(r => r.ToString()));
            Assert.Equal(files.MembershipsOf(a).Select(m => (m.RefsetId, string.Join('|', m.Fields))), tables.MembershipsOf(a).Select(m => (m.RefsetId, string.Join('|', m.Fields))));
            foreach (var b in ids)
            {
                Assert.Equal(files.Subsumes(a, b), tables.Subsumes(a, b));
            }
        }

        foreach (var query in new[] { "clin", "find", "dis", "body str", "heart" })
        {
            Assert.Equal(Hits(files, query), Hits(tables, query));
        }

        foreach (var refset in files.LanguageRefsets)
        {
            Assert.Contains(refset, tables.LanguageRefsets);
        }
    }

    [Fact]
    public async Task The_mini_index_from_the_tables_keeps_concrete_values_and_maps()
    {
        await using var database = await cluster.CreateAsync();
        var store = new SnomedStore(database.DataSource);
        store.Import(Rf2Release.Open(Mini), "mini");

        var files = SnomedIndexBuilder.Build(Rf2Release.Open(Mini));
        var tables = SnomedIndexBuilder.Build(store.Source());

        Assert.Equal(files.Sizes(), tables.Sizes());
        foreach (var c in Rf2Release.Open(Mini).Concepts().Select(c => c.Id))
        {
            Assert.Equal(files.ConcreteValues(c), tables.ConcreteValues(c));
            Assert.Equal(files.MembershipsOf(c).Select(m => string.Join('|', m.Fields)), tables.MembershipsOf(c).Select(m => string.Join('|', m.Fields)));
        }

        // The extended map's fields are named by the stored columns, as by the file's.
        var map = tables.RefsetMembers(447562003);
        Assert.Equal(3, map.Count);
        Assert.Equal(["", "Z00.2", "Z00.3"], map.Select(m => m.Fields[4]).Order(StringComparer.Ordinal));
        var stored = store.Source().RefsetMembers(Rf2FileKind.MapRefset).ToList();
        Assert.Equal(["", "Z00.2", "Z00.3"], stored.Select(m => m.Field("mapTarget")).Order(StringComparer.Ordinal));
        Assert.All(stored, m => Assert.Equal("447561005", m.Field("correlationId")));
    }

    [Fact]
    public async Task The_closure_table_holds_every_ancestor_pair_and_each_active_concept_itself()
    {
        await using var database = await cluster.CreateAsync();
        var store = new SnomedStore(database.DataSource);
        var result = store.Import(Rf2Release.Open(Dummy), "dummy");
        var index = SnomedIndexBuilder.Build(Rf2Release.Open(Dummy));

        var expected = new HashSet<(long, long)>();
        foreach (var c in Rf2Release.Open(Dummy).Concepts())
        {
            foreach (var a in index.Ancestors(c.Id))
            {
                expected.Add((a, c.Id));
            }

            if (index.IsActive(c.Id))
            {
                expected.Add((c.Id, c.Id));
            }
        }

        var stored = new HashSet<(long, long)>();
        await using (var command = database.DataSource.CreateCommand("SELECT ancestor_id, descendant_id FROM snomed_isa_closure"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        Assert.Equal(expected.Count, result.ClosureRows);
        Assert.True(expected.SetEquals(stored));
        // 404684003 |Clinical finding| is below the root and above itself.
        Assert.Contains((138875005L, 404684003L), stored);
        Assert.Contains((404684003L, 404684003L), stored);
    }

    [Fact]
    public async Task Importing_again_changes_nothing()
    {
        await using var database = await cluster.CreateAsync();
        var store = new SnomedStore(database.DataSource);
        store.Import(Rf2Release.Open(Dummy), "dummy");
        var before = await Snapshot(database.DataSource);

        var again = store.Import(Rf2Release.Open(Dummy), "dummy");

        Assert.True(again.ChangedNothing);
        Assert.All(again.Changed.Values, n => Assert.Equal(0, n));
        Assert.Null(again.ClosureRows);
        Assert.Equal(before, await Snapshot(database.DataSource));
    }

    [Fact]
    public async Task A_newer_effective_time_wins_whichever_is_imported_first()
    {
        using var folder = new TempDirectory("fkj-rf2");
        var older = Release(folder.Path, "older", 20200101, ("10000000", "1"), ("20000000", "1"));
        var newer = Release(folder.Path, "newer", 20240101, ("10000000", "0"));

        await using var first = await cluster.CreateAsync();
        var store = new SnomedStore(first.DataSource);
        store.Import(Rf2Release.Open(older), "older");
        var result = store.Import(Rf2Release.Open(newer), "newer");
        Assert.Equal(1, result.Changed["concepts"]);
        Assert.Equal((20240101, false), await Concept(first.DataSource, 10000000));
        Assert.Equal((20200101, true), await Concept(first.DataSource, 20000000));

        await using var second = await cluster.CreateAsync();
        store = new SnomedStore(second.DataSource);
        store.Import(Rf2Release.Open(newer), "newer");
        result = store.Import(Rf2Release.Open(older), "older");
        Assert.Equal(1, result.Changed["concepts"]); // only 20000000, which is new
        Assert.Equal((20240101, false), await Concept(second.DataSource, 10000000));

        await using var together = await cluster.CreateAsync();
        store = new SnomedStore(together.DataSource);
        store.Import(Rf2Release.Open(newer, older), "both");
        Assert.Equal((20240101, false), await Concept(together.DataSource, 10000000));
        Assert.Equal(2, (await store.CountsAsync()).Concepts);
    }

    [Fact]
    public async Task A_malformed_row_rolls_the_whole_import_back()
    {
        await using var database = await cluster.CreateAsync();
        var store = new SnomedStore(database.DataSource);
        store.Import(Rf2Release.Open(Dummy), "dummy");
        var before = await Snapshot(database.DataSource);

        using var folder = new TempDirectory("fkj-rf2");
        var broken = Release(folder.Path, "broken", 20250101, ("30000000", "1"));
        var description = Path.Combine(broken, "sct2_Description_Snapshot-en_INT_20250101.txt");
        await File.WriteAllTextAsync(description,
            "id\teffectiveTime\tactive\tmoduleId\tconceptId\tlanguageCode\ttypeId\tterm\tcaseSignificanceId\n" +
            "40000000\t20250101\t1\t900000000000207008\t30000000\ten\t900000000000013009\tno case significance\n");

        var error = Assert.Throws<Rf2FormatException>(() => store.Import(Rf2Release.Open(broken), "broken"));

        Assert.Equal(2, error.Line);
        Assert.Equal(before, await Snapshot(database.DataSource));
    }

    private static string[] Hits(SnomedIndex index, string query) =>
        index.Search(new SearchRequest(query) { Limit = 10 }).Select(h => $"{h.ConceptId} {h.Term}").ToArray();

    /// <summary>A one-file release: a concept file of the given (id, active) rows at one effectiveTime.</summary>
    private static string Release(string root, string name, int effectiveTime, params (string Id, string Active)[] concepts)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        var text = new StringBuilder("id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId\n");
        foreach (var (id, active) in concepts)
        {
            text.Append($"{id}\t{effectiveTime}\t{active}\t900000000000207008\t900000000000074008\n");
        }

        File.WriteAllText(Path.Combine(folder, $"sct2_Concept_Snapshot_INT_{effectiveTime}.txt"), text.ToString());
        return folder;
    }

    private static async Task<(int, bool)> Concept(NpgsqlDataSource dataSource, long id)
    {
        await using var command = dataSource.CreateCommand("SELECT effective_time, active FROM snomed_concept WHERE id = $1");
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.GetBoolean(1));
    }

    /// <summary>Every row of the component tables and the closure, with the physical row ids (an update, even to the same values, moves a row).</summary>
    private static async Task<string> Snapshot(NpgsqlDataSource dataSource)
    {
        var text = new StringBuilder();
        foreach (var table in new[] { "snomed_concept", "snomed_description", "snomed_relationship", "snomed_concrete_value", "snomed_refset", "snomed_refset_member", "snomed_isa_closure" })
        {
            await using var command = dataSource.CreateCommand($"SELECT ctid::text, t::text FROM {table} t ORDER BY 2");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append(table).Append(' ').Append(reader.GetString(0)).Append(' ').Append(reader.GetString(1)).Append('\n');
            }
        }

        return text.ToString();
    }
}
