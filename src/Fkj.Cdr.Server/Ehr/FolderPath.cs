using Fkj.Cdr.Rm.Common;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The <c>path</c> of the directory endpoints (ITS-REST): names of FOLDERs below the directory's root, separated by
/// slashes (<c>episodes/a</c>); empty (or <c>/</c>) is the root itself. A name matches a sub-folder's name/value
/// exactly; where siblings share a name, the first one in the folder's order is taken.
/// </summary>
public static class FolderPath
{
    /// <summary>The sub-folder at <paramref name="path"/>, or null when there is none.</summary>
    public static Folder? Find(Folder root, string? path)
    {
        var folder = root;
        foreach (var name in (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            folder = folder.Folders?.FirstOrDefault(f => string.Equals(f.Name?.Value, name, StringComparison.Ordinal));
            if (folder is null)
            {
                return null;
            }
        }
        return folder;
    }
}
