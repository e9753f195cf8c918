namespace Fkj.Cdr.Testing;

/// <summary>Locates the shared test fixtures, which live beside the repository in ../shared/fixtures.</summary>
public static class Fixtures
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path(folder), pattern).Order(StringComparer.Ordinal);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Fkj.Cdr.sln")))
            {
                var fixtures = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures"));
                if (Directory.Exists(fixtures)) return fixtures;
                throw new DirectoryNotFoundException($"Test fixtures not found at {fixtures}; clone the project beside shared/.");
            }
        }

        throw new DirectoryNotFoundException("Fkj.Cdr.sln not found above the test binaries");
    }
}
