namespace AspireMicro.Hosting.Backing;

/// <summary>Polls a recipe's readiness probe until it answers or the time is up.</summary>
public static class ReadinessProbe
{
    public static async Task WaitUntilReadyAsync(
        INativeServerRecipe recipe, NativeServerContext context, Task exited, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var delay = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            if (exited.IsCompleted)
            {
                throw new InvalidOperationException($"{recipe.Kind} '{context.InstanceName}' exited before it was ready.");
            }

            try
            {
                if (await recipe.IsReadyAsync(context, deadline.Token))
                {
                    return;
                }

                await Task.Delay(delay, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{recipe.Kind} '{context.InstanceName}' was not ready within {timeout.TotalSeconds:0} s.");
            }

            // Short polls at first because Redis and Postgres are ready in well under a second; RabbitMQ takes seconds.
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }
}
