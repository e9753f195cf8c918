using System.Security.Cryptography;
using System.Text;

namespace Fkj.Cdr.Storage.Migrations;

/// <summary>One numbered schema change: the SQL of <c>Migrations/Sql/NNNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 of the SQL with line endings made uniform, so a checkout with CRLF line endings
    /// has the same checksum as one with LF.
    /// </summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));
}
