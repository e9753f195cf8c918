using System.Text.Json;

namespace Fkj.Cdr.Server.Tests.Support;

/// <summary>Reads an error response and checks that it has the API's error form.</summary>
public static class ErrorBody
{
    /// <summary>Asserts the status, the JSON content type and the fields every error has; returns the body.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int status, string code)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {raw}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(raw);
        var error = document.RootElement.Clone();
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(Uri.UnescapeDataString(response.RequestMessage!.RequestUri!.AbsolutePath), error.GetProperty("instance").GetString());
        Assert.Equal(JsonValueKind.Array, error.GetProperty("issues").ValueKind);
        return error;
    }
}
