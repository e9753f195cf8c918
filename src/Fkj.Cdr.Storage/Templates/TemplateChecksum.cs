using System.Security.Cryptography;

namespace Fkj.Cdr.Storage.Templates;

/// <summary>The checksum a template is stored and cached by: SHA-256 of the uploaded bytes, lower-case hex.</summary>
public static class TemplateChecksum
{
    public static string Compute(ReadOnlySpan<byte> opt) => Convert.ToHexStringLower(SHA256.HashData(opt));
}
