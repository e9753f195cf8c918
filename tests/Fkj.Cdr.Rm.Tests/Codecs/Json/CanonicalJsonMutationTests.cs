using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Rm.Tests.Codecs.Json;

/// <summary>
/// Network input is hostile: whatever bytes arrive, the decoder either succeeds or throws
/// <see cref="RmFormatException"/> with located errors, never anything else.
/// </summary>
public class CanonicalJsonMutationTests
{
    [Fact]
    public void Mutated_documents_only_ever_fail_with_format_errors()
    {
        var original = File.ReadAllBytes(Fixtures.Path("openehr/ehrbase-sdk-test-data/composition/canonical_json/minimal_observation.json"));
        var random = new Random(20261122);
        byte[] interesting = "{}[]\",:0-.e\\u\u00ff\u0000 tnf"u8.ToArray();
        var failures = 0;
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(bytes.Length);
                bytes[at] = random.Next(3) == 0 ? (byte)random.Next(256) : interesting[random.Next(interesting.Length)];
            }

            try
            {
                CanonicalJson.Decode<Composition>(bytes);
            }
            catch (RmFormatException e)
            {
                failures++;
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, error => Assert.True(error.Line >= 1 && error.Column >= 1, error.ToString()));
            }
        }

        // Most mutations break the document; a suite where none did would not be testing anything.
        Assert.True(failures > 1000, $"only {failures} mutations were refused");
    }
}
