using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Testing;

namespace AspireMicro.Hosting.Tests.Model;

public sealed class ParameterTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"h1-params-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_parameter_takes_its_value_from_configuration()
    {
        var builder = DistributedApplicationTestingBuilder.Create("--Parameters:region=eu-west-1");

        var region = builder.AddParameter("region");

        Assert.Equal("eu-west-1", await region.Resource.GetValueAsync());
    }

    [Fact]
    public async Task A_plain_parameter_without_value_fails_naming_the_parameter_and_how_to_set_it()
    {
        var builder = DistributedApplicationTestingBuilder.Create();

        var region = builder.AddParameter("region");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => region.Resource.GetValueAsync().AsTask());
        Assert.Contains("'region'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Parameters__region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_without_value_is_generated_once_and_remembered_per_AppHost()
    {
        var first = await GeneratedSecretAsync();
        var second = await GeneratedSecretAsync();

        Assert.Equal(22, first.Length);
        Assert.True(first.All(char.IsAsciiLetterOrDigit));
        Assert.Equal(first, second);
        Assert.True(File.Exists(Path.Combine(_stateDirectory, "parameters.json")));
    }

    private async Task<string> GeneratedSecretAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { StateDirectory = _stateDirectory, DisableDashboard = true });
        var secret = builder.AddParameter("api-key", secret: true);
        return await secret.Resource.GetValueAsync() ?? string.Empty;
    }

    public void Dispose()
    {
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}
