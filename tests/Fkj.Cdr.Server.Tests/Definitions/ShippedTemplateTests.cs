using System.Net;
using System.Text;
using System.Text.Json;
using Fkj.Cdr.Server.Definitions;
using Microsoft.Extensions.Logging;

namespace Fkj.Cdr.Server.Tests.Definitions;

/// <summary>The repository's templates/*.opt are in the default tenant from the first start on.</summary>
[Collection(TemplateServerCollection.Name)]
public sealed class ShippedTemplateTests
{
    public const string ShippedId = "fkj.vital_signs_news2.v1";

    private readonly TemplateServerFixture _fixture;

    public ShippedTemplateTests(TemplateServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task TheShippedTemplateIsInTheDefaultTenantByteForByte()
    {
        using var list = await _fixture.GetAsync(null, TemplateServerFixture.TemplatesPath);
        using var body = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var shipped = Assert.Single(body.RootElement.EnumerateArray(), t => t.GetProperty("template_id").GetString() == ShippedId);
        Assert.Equal("openEHR-EHR-COMPOSITION.encounter.v1", shipped.GetProperty("archetype_id").GetString());

        using var get = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath(ShippedId));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var copied = Path.Combine(AppContext.BaseDirectory, ShippedTemplates.FolderName, ShippedId + ".opt");
        Assert.Equal(await File.ReadAllBytesAsync(copied), await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void TheBuildCopiesEveryRepositoryTemplate()
    {
        var repository = Directory.GetFiles(Path.Combine(FindRepositoryRoot(), "templates"), "*.opt").Select(Path.GetFileName).Order();
        var copied = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, ShippedTemplates.FolderName), "*.opt").Select(Path.GetFileName).Order();

        Assert.Equal(repository, copied);
    }

    [Fact]
    public async Task ATenantOtherThanDefaultDoesNotGetThem()
    {
        var tenant = await _fixture.NewTenantAsync();

        using var get = await _fixture.GetAsync(tenant, TemplateServerFixture.TemplatePath(ShippedId));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task LoadingAgainChangesNothingAndAConflictingTemplateIsLeftAloneWithAWarning()
    {
        using var folder = new TempDirectory("fkj-shipped");
        var shipped = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, ShippedTemplates.FolderName, ShippedId + ".opt"));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "a.opt"), shipped);
        var original = Encoding.UTF8.GetString(TemplateFixtures.Read("openehr/ehrbase-integration-tests/valid_templates/minimal/minimal_action.opt"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "b.opt"), original.Replace("</template>", "<!-- local edit --></template>", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "c.opt"), "not a template");
        using (var upload = await _fixture.UploadAsync(null, Encoding.UTF8.GetBytes(original)))
        {
            Assert.True(upload.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);
        }
        var logs = new ListLogger<ShippedTemplates>();
        var loader = new ShippedTemplates(_fixture.Server.App.Services.GetRequiredService<TemplateRegistry>(), logs, folder.Path);

        await loader.StartAsync(CancellationToken.None);

        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(ShippedId, StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("b.opt", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("c.opt", StringComparison.Ordinal));
        using var get = await _fixture.GetAsync(null, TemplateServerFixture.TemplatePath("minimal_action.en.v1"));
        Assert.Equal(Encoding.UTF8.GetBytes(original), await get.Content.ReadAsByteArrayAsync());
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fkj.Cdr.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Fkj.Cdr.sln not found above the test binaries");
    }
}
