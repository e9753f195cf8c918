using Fkj.Cdr.Load.OpenEhr;

namespace Fkj.Cdr.Load.Tests.OpenEhr;

public sealed class VersionUidTests
{
    private const string Uid = "8849182c-82ad-4088-a07f-48ead4180515::fkj.cdr::1";

    [Theory]
    [InlineData("\"" + Uid + "\"", Uid)]
    [InlineData("W/\"" + Uid + "\"", Uid)]
    [InlineData(Uid, Uid)]
    [InlineData("", null)]
    [InlineData("\"\"", null)]
    [InlineData(null, null)]
    public void The_id_comes_out_of_an_etag(string? etag, string? expected)
    {
        Assert.Equal(expected, VersionUid.FromETag(etag));
    }

    [Fact]
    public void The_id_is_the_last_segment_of_a_location()
    {
        Assert.Equal(Uid, VersionUid.FromLocation(new Uri($"http://127.0.0.1:5080/openehr/v1/ehr/e1/composition/{Uid}")));
        Assert.Equal(Uid, VersionUid.FromLocation(new Uri($"/openehr/v1/ehr/e1/composition/{Uri.EscapeDataString(Uid)}", UriKind.Relative)));
        Assert.Equal("e1", VersionUid.FromLocation(new Uri("http://127.0.0.1/openehr/v1/ehr/e1/")));
        Assert.Null(VersionUid.FromLocation(null));
    }

    [Fact]
    public void The_object_id_is_the_part_before_the_first_separator()
    {
        Assert.Equal("8849182c-82ad-4088-a07f-48ead4180515", VersionUid.ObjectId(Uid));
        Assert.Equal("plain", VersionUid.ObjectId("plain"));
    }
}
