using AspireMicro.Hosting;
using AspireMicro.Hosting.Orchestration;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>Console output of every service instance, read through the app's log service, from a mark onwards.</summary>
public sealed class ServiceLogs
{
    private readonly DistributedApplication _app;
    private readonly Dictionary<string, long> _mark;

    private ServiceLogs(DistributedApplication app)
    {
        _app = app;
        _mark = Instances(app).ToDictionary(n => n, n => app.ResourceLogs.GetBacklog(n).LastOrDefault()?.LineNumber ?? 0);
    }

    /// <summary>Remembers where each instance's log is now; <see cref="LinesSinceMark"/> returns only what follows.</summary>
    public static ServiceLogs Mark(DistributedApplication app) => new(app);

    public IReadOnlyList<(string Instance, string Text)> LinesSinceMark() =>
        [.. Instances(_app).SelectMany(n => _app.ResourceLogs.GetBacklog(n)
            .Where(l => l.LineNumber > _mark.GetValueOrDefault(n))
            .Select(l => (n, l.Text)))];

    private static IEnumerable<string> Instances(DistributedApplication app) =>
        app.ResourceNotifications.GetCurrentSnapshots().Where(s => s.ResourceType == "Project").Select(s => s.Name);
}
