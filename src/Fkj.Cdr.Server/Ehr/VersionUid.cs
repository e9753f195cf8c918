using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// A version uid (OBJECT_VERSION_ID) of this server: <c>{object_id}::{system_id}::{version}</c>, where the object
/// id is the versioned object's UUID and the version a positive whole number (this server writes no branches).
/// </summary>
public readonly record struct VersionUid(Guid ObjectId, string SystemId, int Version)
{
    public override string ToString() => $"{ObjectId:D}::{SystemId}::{Version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads <c>{uuid}::{system_id}::{n}</c>; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out VersionUid? uid)
    {
        uid = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var first = text.IndexOf("::", StringComparison.Ordinal);
        var last = text.LastIndexOf("::", StringComparison.Ordinal);
        if (first < 0 || last <= first)
        {
            return false;
        }
        if (!Guid.TryParseExact(text[..first], "D", out var objectId))
        {
            return false;
        }
        var system = text[(first + 2)..last];
        var versionText = text[(last + 2)..];
        if (system.Length == 0 || versionText.Length == 0 || !versionText.All(char.IsAsciiDigit)
            || !int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            return false;
        }
        uid = new VersionUid(objectId, system, version);
        return true;
    }
}
