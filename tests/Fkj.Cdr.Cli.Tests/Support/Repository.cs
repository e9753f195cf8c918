namespace Fkj.Cdr.Cli.Tests.Support;

/// <summary>The repository root (where Fkj.Cdr.sln is) and files in it.</summary>
public static class Repository
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Fkj.Cdr.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("Fkj.Cdr.sln not found above the test binaries");
    }
}
