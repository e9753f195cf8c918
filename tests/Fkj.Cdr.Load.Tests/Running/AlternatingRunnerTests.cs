using System.Collections.Concurrent;
using Fkj.Cdr.Load.Measurement;
using Fkj.Cdr.Load.Running;

namespace Fkj.Cdr.Load.Tests.Running;

public sealed class AlternatingRunnerTests
{
    [Fact]
    public async Task The_two_sides_take_turns_and_swap_who_goes_first_each_round()
    {
        var calls = new ConcurrentQueue<string>();
        ValueTask<RequestOutcome> First(long i, CancellationToken _)
        {
            calls.Enqueue($"a{i}");
            return ValueTask.FromResult(RequestOutcome.Success);
        }
        ValueTask<RequestOutcome> Second(long i, CancellationToken _)
        {
            calls.Enqueue($"b{i}");
            return ValueTask.FromResult(i == 2 ? new RequestOutcome(RequestOutcome.Mismatch) : RequestOutcome.Success);
        }

        var (a, b) = await AlternatingRunner.RunAsync(First, Second, new RunLimits(4, TimeSpan.FromMinutes(1)), CancellationToken.None);

        Assert.Equal(["a0", "b0", "b1", "a1", "a2", "b2", "b3", "a3"], calls);
        Assert.Equal(4, a.Issued);
        Assert.Equal(4, a.Log.Summarise().Succeeded);
        var second = b.Log.Summarise();
        Assert.Equal(3, second.Succeeded);
        Assert.Equal(1, second.Outcomes["answer-mismatch"]);
    }
}
