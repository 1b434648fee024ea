namespace Catalog.Api.Infrastructure;

/// <summary>
/// Which replica this process is. The AppHost sets service.instance.id in OTEL_RESOURCE_ATTRIBUTES;
/// when run by hand the listening address is the next best distinguishing mark.
/// </summary>
public sealed class InstanceIdentity(IConfiguration configuration)
{
    public string Id { get; } = Resolve(configuration);

    private static string Resolve(IConfiguration configuration)
    {
        var attributes = configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? string.Empty;
        foreach (var pair in attributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == "service.instance.id" && parts[1].Length > 0)
            {
                return parts[1];
            }
        }

        var urls = configuration["ASPNETCORE_URLS"] ?? configuration["urls"];
        return string.IsNullOrWhiteSpace(urls) ? $"{Environment.MachineName}-{Environment.ProcessId}" : urls.Split(';')[0];
    }
}
