using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Running;

/// <summary>Runs one request and turns whatever escapes it into an outcome, so a level never ends on an exception.</summary>
internal static class RequestRunner
{
    public static async ValueTask<RequestOutcome> SendAsync(LoadRequest request, long index, CancellationToken cancellationToken)
    {
        try
        {
            return await request(index, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new RequestOutcome(RequestOutcome.Cancelled);
        }
        catch (OperationCanceledException)
        {
            // HttpClient's own timeout (and Npgsql's command timeout) surface as cancellation.
            return new RequestOutcome(RequestOutcome.Timeout);
        }
        catch (TimeoutException)
        {
            return new RequestOutcome(RequestOutcome.Timeout);
        }
        catch (HttpRequestException)
        {
            return new RequestOutcome(RequestOutcome.ConnectionFailed);
        }
        catch (Exception)
        {
            return new RequestOutcome(RequestOutcome.ClientError);
        }
    }
}
