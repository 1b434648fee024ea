using AspireMicro.Hosting.Orchestration;

namespace AspireMicro.Hosting.ConsoleUi;

/// <summary>
/// Compact live table of resources on the terminal, redrawn in place on every change (at most ~5 times a second).
/// When output is redirected (CI, logs) it prints one line per state change instead.
/// </summary>
internal sealed class ConsoleResourceTable : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Dictionary<string, ResourceSnapshot> _latest = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];
    private readonly bool _interactive = !Console.IsOutputRedirected;
    private readonly Lock _gate = new();
    private int _drawnLines;
    private string? _footer;
    private Task _loop = Task.CompletedTask;

    private ConsoleResourceTable(CancellationToken cancellationToken) =>
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

    public static ConsoleResourceTable Start(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        var table = new ConsoleResourceTable(cancellationToken);
        table._loop = Task.Run(() => table.RunAsync(notifications), CancellationToken.None);
        return table;
    }

    public void SetFooter(string footer)
    {
        lock (_gate)
        {
            _footer = footer;
            if (_interactive)
            {
                Redraw();
            }
            else
            {
                Console.WriteLine(footer);
            }
        }
    }

    private async Task RunAsync(ResourceNotificationService notifications)
    {
        try
        {
            await foreach (var snapshot in notifications.WatchAsync(_stop.Token))
            {
                lock (_gate)
                {
                    var previous = _latest.GetValueOrDefault(snapshot.Name);
                    if (previous is null)
                    {
                        _order.Add(snapshot.Name);
                    }

                    _latest[snapshot.Name] = snapshot;
                    if (!_interactive && (previous?.State != snapshot.State || previous?.Health != snapshot.Health))
                    {
                        Console.WriteLine(FormatRow(snapshot));
                    }
                }

                if (_interactive)
                {
                    // Coalesce bursts of changes into one redraw.
                    await Task.Delay(200, _stop.Token);
                    lock (_gate)
                    {
                        Redraw();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Redraw()
    {
        if (_drawnLines > 0)
        {
            Console.Write($"\u001b[{_drawnLines}A\u001b[J");
        }

        var lines = new List<string> { $"{"RESOURCE",-16} {"TYPE",-16} {"STATE",-13} {"HEALTH",-10} {"PID",-8} ENDPOINT" };
        lines.AddRange(_order.Select(n => FormatRow(_latest[n])));
        if (_footer is not null)
        {
            lines.Add(_footer);
        }

        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        _drawnLines = lines.Count;
    }

    private static string FormatRow(ResourceSnapshot s)
    {
        var detail = s.State switch
        {
            KnownResourceStates.Exited or KnownResourceStates.FailedToStart when s.ExitCode is not null => $"exit {s.ExitCode}",
            KnownResourceStates.FailedToStart => s.HealthDescription ?? string.Empty,
            _ => s.Endpoints.FirstOrDefault()?.Url ?? string.Empty,
        };
        return $"{s.Name,-16} {s.ResourceType,-16} {s.State,-13} {s.Health,-10} {s.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",-8} {detail}";
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}
