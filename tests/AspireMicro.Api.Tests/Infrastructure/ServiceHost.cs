using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AspireMicro.Api.Tests.Infrastructure;

/// <summary>
/// One service instance on a real Kestrel socket (so other services and the gateway reach it over real HTTP),
/// configured only through settings, exactly as the AppHost would pass them as environment variables.
/// </summary>
/// <typeparam name="TEntryPoint">Any public type of the service assembly.</typeparam>
public sealed class ServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private static readonly Lock StartLock = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ServiceHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
        // WebApplicationFactory intercepts the service's host through a process-wide listener: two factories starting
        // at the same time can swap hosts, so starts are serialised (tests that start hosts of their own included).
        lock (StartLock)
        {
            StartServer();
        }

        BaseAddress = CreateClient().BaseAddress!;
    }

    /// <summary>The real address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public string Url => BaseAddress.ToString().TrimEnd('/');

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client whose every request carries <paramref name="user"/>'s access token.</summary>
    public HttpClient CreateHttpClient(AspireMicro.Testing.TestUser user)
    {
        var client = CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
