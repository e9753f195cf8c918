namespace Fkj.Cdr.Load.Hosting;

/// <summary>Paths in the repository the harness was built from (found above its binaries, or above the working directory).</summary>
public static class RepositoryPaths
{
    public static string DefaultServerDll => Path.Combine(Root(), "src", "Fkj.Cdr.Server", "bin", "Release", "net10.0", "Fkj.Cdr.Server.dll");

    /// <summary>The directory holding Fkj.Cdr.sln.</summary>
    public static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Fkj.Cdr.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new LoadSetupException("Fkj.Cdr.sln was not found above the harness or the working directory; give --server-dll.");
    }
}
