using System.Net;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fkj.Cdr.Server.Tests.Hosting;

/// <summary>
/// Past its bounds the server sheds requests with 503 and Retry-After instead of queueing without end. A test
/// endpoint holds its request until the test lets it go, so which requests run, wait or are shed is decided by
/// the test, not by timing.
/// </summary>
public sealed class AdmissionControlTests
{
    [Fact]
    public async Task BeyondTheRunningAndWaitingRequestsTheServerAnswers503WithRetryAfter()
    {
        using var dir = new TempDirectory();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = 0;
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await RunningServer.StartAsync(dir.Path,
            app => app.MapGet("/test/hold", async () =>
            {
                if (Interlocked.Increment(ref entered) == 1) firstEntered.SetResult();
                await release.Task;
                return Results.Text("released");
            }),
            "--max-concurrent-requests", "1", "--max-queued-requests", "1");

        // One runs (and is held), one waits for it.
        var running = server.Client.GetAsync("/test/hold");
        await firstEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var waiting = server.Client.GetAsync("/test/hold");
        var admission = server.App.Services.GetRequiredService<AdmissionControl>();
        for (var attempt = 0; attempt < 1200 && admission.Queued < 1; attempt++) await Task.Delay(25);
        Assert.Equal(1, admission.Queued);
        // Running and waiting are full: the next request, whatever it is, is shed.
        var shed = await server.Client.GetAsync("/openehr/v1/definition/template/adl1.4");
        using (shed)
        {
            var error = await ErrorBody.ReadAsync(shed, 503, "overloaded");
            Assert.Contains("retry", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(TimeSpan.FromSeconds(1), shed.Headers.RetryAfter?.Delta);
        }
        Assert.Equal(1, Volatile.Read(ref entered));

        // Health is never held back, so an overloaded server is not mistaken for a dead one.
        using (var health = await server.Client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        // Once let go, the held and the queued requests both complete.
        release.SetResult();
        using var first = await running;
        using var second = await waiting;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, Volatile.Read(ref entered));
    }
}
