using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Fkj.Cdr.Server.Terminology;
using Fkj.Cdr.Terminology.Storage;

namespace Fkj.Cdr.Server.Tests.Terminology;

/// <summary>
/// <c>POST /admin/terminology/snomed/imports</c> end to end on a server of its own: a release zip is imported in the
/// background, the index is rebuilt from the tables, a re-post changes nothing, broken input is a 400 and leaves the
/// tables as they were, and a restarted server loads the index from the tables.
/// Counts of the dummy release read off its files: see Fkj.Cdr.Terminology.Tests SnomedStoreTests (103 concepts,
/// 329 descriptions, 134 inferred relationships, 337 reference set members).
/// </summary>
public sealed class SnomedImportEndpointTests : IAsyncLifetime
{
    private static readonly string DummySnapshot = Fixtures.Path("snomed", "snowstorm-dummy", "RF2Release", "Snapshot");

    private readonly TempDirectory _directory = new();
    private readonly TempDirectory _zips = new("fkj-zips");
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(_directory.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
        _zips.Dispose();
    }

    [Fact]
    public async Task A_release_zip_is_imported_in_the_background_and_the_index_rebuilt_then_a_restart_loads_it()
    {
        var catalog = _server.App.Services.GetRequiredService<SnomedCatalog>();
        Assert.Null(catalog.Current);

        using var response = await PostAsync(Zip(DummySnapshot), "dummy");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/admin/terminology/snomed/imports/", location, StringComparison.Ordinal);
        var done = await WaitAsync(location);
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal("dummy", done.GetProperty("name").GetString());
        var result = done.GetProperty("result");
        Assert.Equal(103, result.GetProperty("changed").GetProperty("concepts").GetInt64());
        Assert.Equal(329, result.GetProperty("read").GetProperty("descriptions").GetInt64());
        Assert.Equal(134, result.GetProperty("changed").GetProperty("relationships").GetInt64());
        Assert.Equal(337, result.GetProperty("changed").GetProperty("refsetMembers").GetInt64());
        Assert.False(result.GetProperty("changedNothing").GetBoolean());
        Assert.Equal(103, catalog.Current!.ConceptCount);
        Assert.True(catalog.Current.Subsumes(138875005, 404684003));
        using (var concept = await _server.Client.GetAsync("/terminology/snomed/concepts/404684003"))
        {
            Assert.Equal(HttpStatusCode.OK, concept.StatusCode);
        }

        // The same release again: accepted, and nothing changes.
        var index = catalog.Current;
        using var again = await PostAsync(Zip(DummySnapshot), "dummy again");
        var second = await WaitAsync(again.Headers.Location!.ToString());
        Assert.Equal("done", second.GetProperty("state").GetString());
        Assert.True(second.GetProperty("result").GetProperty("changedNothing").GetBoolean());
        Assert.Equal(0, second.GetProperty("result").GetProperty("changed").GetProperty("concepts").GetInt64());
        Assert.Same(index, catalog.Current);

        // A restarted server builds its index from the tables, in the background.
        await _server.DisposeAsync();
        _server = await RunningServer.StartAsync(_directory.Path);
        await _server.App.Services.GetRequiredService<SnomedIndexLoader>().AtStart;
        var loaded = _server.App.Services.GetRequiredService<SnomedCatalog>().Current;
        Assert.NotNull(loaded);
        Assert.NotSame(index, loaded);
        Assert.Equal(index.Sizes(), loaded.Sizes());
        Assert.Equal(index.PreferredTerm(404684003), loaded.PreferredTerm(404684003));

        // The first import is still known, from snomed_import, with the files it read.
        using var record = JsonDocument.Parse(await _server.Client.GetStringAsync(location));
        Assert.Equal("done", record.RootElement.GetProperty("state").GetString());
        Assert.Equal(103, record.RootElement.GetProperty("result").GetProperty("changed").GetProperty("concepts").GetInt64());
        Assert.Contains(record.RootElement.GetProperty("result").GetProperty("files").EnumerateArray(),
            f => f.GetProperty("name").GetString() == "sct2_Concept_Snapshot_INT_20180731.txt" && f.GetProperty("sha256").GetString()!.Length == 64);
    }

    [Fact]
    public async Task Broken_input_is_a_400_with_what_is_wrong_and_leaves_the_tables_as_they_were()
    {
        using (var first = await PostAsync(Zip(DummySnapshot), "dummy"))
        {
            Assert.Equal("done", (await WaitAsync(first.Headers.Location!.ToString())).GetProperty("state").GetString());
        }

        var store = new SnomedStore(_server.Database.Database!.DataSource);
        var before = await store.CountsAsync();

        // Not a zip at all.
        var garbage = Path.Combine(_zips.Path, "garbage.zip");
        await File.WriteAllBytesAsync(garbage, Encoding.UTF8.GetBytes("PK\u0003\u0004 this is not really a zip"));
        using (var response = await PostAsync(garbage, "garbage"))
        {
            await ErrorBody.ReadAsync(response, 400, "invalid_zip");
        }

        // A zip whose headers claim more than the server accepts uncompressed (three entries of 4 GB each).
        var bomb = Path.Combine(_zips.Path, "bomb");
        Directory.CreateDirectory(bomb);
        foreach (var n in new[] { "a", "b", "c" })
        {
            await File.WriteAllTextAsync(Path.Combine(bomb, $"sct2_Concept_Snapshot_{n}_20250101.txt"), "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId\n");
        }

        var bombZip = Zip(bomb);
        var bytes = await File.ReadAllBytesAsync(bombZip);
        Declare(bytes, 0x04034b50, 22, 0xF0000000);
        Declare(bytes, 0x02014b50, 24, 0xF0000000);
        await File.WriteAllBytesAsync(bombZip, bytes);
        using (var response = await PostAsync(bombZip, "bomb"))
        {
            var error = await ErrorBody.ReadAsync(response, 400, "invalid_release");
            Assert.Contains("uncompressed", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // A zip without RF2 Snapshot files.
        var empty = Path.Combine(_zips.Path, "readme");
        Directory.CreateDirectory(empty);
        await File.WriteAllTextAsync(Path.Combine(empty, "README.txt"), "no release here");
        using (var response = await PostAsync(Zip(empty), "empty"))
        {
            await ErrorBody.ReadAsync(response, 400, "invalid_release");
        }

        // A release whose third line of its description file has a column too few: the file and line are named.
        var broken = Path.Combine(_zips.Path, "broken");
        Directory.CreateDirectory(broken);
        await File.WriteAllTextAsync(Path.Combine(broken, "sct2_Concept_Snapshot_INT_20250101.txt"),
            "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId\n30000000\t20250101\t1\t900000000000207008\t900000000000074008\n");
        await File.WriteAllTextAsync(Path.Combine(broken, "sct2_Description_Snapshot-en_INT_20250101.txt"),
            "id\teffectiveTime\tactive\tmoduleId\tconceptId\tlanguageCode\ttypeId\tterm\tcaseSignificanceId\n" +
            "40000011\t20250101\t1\t900000000000207008\t30000000\ten\t900000000000013009\tgood\t900000000000448009\n" +
            "40000012\t20250101\t1\t900000000000207008\t30000000\ten\t900000000000013009\tbad\n");
        using (var response = await PostAsync(Zip(broken), "broken"))
        {
            var error = await ErrorBody.ReadAsync(response, 400, "invalid_rf2");
            Assert.Equal("broken/sct2_Description_Snapshot-en_INT_20250101.txt", error.GetProperty("path").GetString());
            Assert.Equal(3, error.GetProperty("issues")[0].GetProperty("line").GetInt64());
        }

        // Not posted as a zip.
        using (var content = new StringContent("hello", Encoding.UTF8, "text/plain"))
        using (var response = await _server.Client.PostAsync(SnomedImportEndpoints.Path, content))
        {
            await ErrorBody.ReadAsync(response, 415, "unsupported_media_type");
        }

        using (var response = await _server.Client.GetAsync(SnomedImportEndpoints.Path + "/" + Guid.NewGuid()))
        {
            await ErrorBody.ReadAsync(response, 404, "import_not_found");
        }

        Assert.Equal(before, await store.CountsAsync());
    }

    /// <summary>Overwrites the uncompressed size of every header with that signature (the field at that offset).</summary>
    private static void Declare(byte[] zip, uint signature, int offset, uint size)
    {
        for (var i = 0; i + offset + 4 <= zip.Length; i++)
        {
            if (BitConverter.ToUInt32(zip, i) == signature)
            {
                BitConverter.GetBytes(size).CopyTo(zip, i + offset);
            }
        }
    }

    private string Zip(string folder)
    {
        var zip = Path.Combine(_zips.Path, Guid.NewGuid().ToString("N") + ".zip");
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        return zip;
    }

    private async Task<HttpResponseMessage> PostAsync(string zip, string name)
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(zip));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return await _server.Client.PostAsync($"{SnomedImportEndpoints.Path}?name={Uri.EscapeDataString(name)}", content);
    }

    /// <summary>Follows the import until it is done or failed (a bound on polls, not a timing assertion).</summary>
    private async Task<JsonElement> WaitAsync(string location)
    {
        for (var i = 0; i < 1200; i++)
        {
            using var document = JsonDocument.Parse(await _server.Client.GetStringAsync(location));
            var state = document.RootElement.GetProperty("state").GetString();
            if (state is "done" or "failed")
            {
                return document.RootElement.Clone();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the import at {location} did not finish");
    }
}
