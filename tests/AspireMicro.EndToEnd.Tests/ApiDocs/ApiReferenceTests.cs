using System.Diagnostics;
using System.Text.Json;
using AspireMicro.EndToEnd.Tests.Infrastructure;

namespace AspireMicro.EndToEnd.Tests.ApiDocs;

/// <summary>The public API's OpenAPI documents, read through the gateway and checked by a validator no one here wrote.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class ApiReferenceTests(AppFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> Documents => new()
    {
        { "catalog", "/api/catalog/items" },
        { "basket", "/api/basket" },
        { "ordering", "/api/orders" },
        { "analytics", "/api/analytics/summary" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Each_service_document_through_the_gateway_passes_openapi_spec_validator(string service, string publicPath)
    {
        var json = await fixture.Gateway.GetStringAsync($"/openapi/{service}.json");

        using var document = JsonDocument.Parse(json);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(paths, p => p.StartsWith(publicPath, StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p is "/health" or "/alive");
        // Only what the gateway routes is public: order creation is basket's, never a client's.
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}")).ToList();
        Assert.DoesNotContain(operations, o => o.TrimEnd('/') == "POST /api/orders");

        var file = Path.Combine(Path.GetTempPath(), $"aspiremicro-openapi-{service}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var (exitCode, text) = await ValidateAsync(file);
            output.WriteLine($"{service}: {paths.Count} paths, {operations.Count} operations ({string.Join(", ", operations)}); openapi-spec-validator exit {exitCode}: {text.Trim()}");
            Assert.True(exitCode == 0, $"openapi-spec-validator refused /openapi/{service}.json: {text}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string file)
    {
        var start = new ProcessStartInfo("openapi-spec-validator")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("openapi-spec-validator did not start (it comes with the machine image's Python).");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
