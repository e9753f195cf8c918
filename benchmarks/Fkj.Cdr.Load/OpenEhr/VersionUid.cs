namespace Fkj.Cdr.Load.OpenEhr;

/// <summary>
/// Version uids (<c>{object_id}::{system_id}::{version}</c>) and other ids as ITS-REST hands them back: in an
/// ETag (quoted, maybe weak) or as the last segment of a Location.
/// </summary>
public static class VersionUid
{
    /// <summary>The versioned object id: the part before the first <c>::</c>.</summary>
    public static string ObjectId(string versionUid)
    {
        var sep = versionUid.IndexOf("::", StringComparison.Ordinal);
        return sep > 0 ? versionUid[..sep] : versionUid;
    }

    /// <summary>The id in an ETag header value: <c>"abc"</c> or <c>W/"abc"</c> gives <c>abc</c>.</summary>
    public static string? FromETag(string? etag)
    {
        if (string.IsNullOrWhiteSpace(etag))
        {
            return null;
        }
        var t = etag.Trim();
        if (t.StartsWith("W/", StringComparison.Ordinal))
        {
            t = t[2..];
        }
        t = t.Trim('"');
        return t.Length == 0 ? null : t;
    }

    /// <summary>The last path segment of a Location, unescaped.</summary>
    public static string? FromLocation(Uri? location)
    {
        if (location is null)
        {
            return null;
        }
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', '#')[0];
        var last = path.TrimEnd('/').Split('/').LastOrDefault();
        return string.IsNullOrEmpty(last) ? null : Uri.UnescapeDataString(last);
    }
}
