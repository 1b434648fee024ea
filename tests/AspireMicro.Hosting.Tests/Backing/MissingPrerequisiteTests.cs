using AspireMicro.Hosting.Backing;

namespace AspireMicro.Hosting.Tests.Backing;

public sealed class MissingPrerequisiteTests
{
    public static TheoryData<string, string> Recipes => new()
    {
        { "postgres", "postgresql" },
        { "redis", "redis-server" },
        { "rabbitmq", "rabbitmq-server" },
    };

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Missing_server_binary_gives_a_one_line_error_naming_the_debian_package(string kind, string package)
    {
        INativeServerRecipe recipe = kind switch
        {
            "postgres" => new PostgresRecipe { InstallRoot = "/nonexistent/postgresql" },
            "redis" => new RedisRecipe { ServerCandidates = ["/nonexistent/redis-server"] },
            _ => new RabbitMqRecipe { ServerCandidates = ["/nonexistent/rabbitmq-server"] },
        };

        var error = Assert.Throws<MissingPrerequisiteException>(recipe.EnsureInstalled);

        Assert.Equal(package, error.DebianPackage);
        Assert.Contains($"install the Debian package '{package}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Installed_servers_pass_the_check(string kind, string package)
    {
        INativeServerRecipe recipe = kind switch
        {
            "postgres" => new PostgresRecipe(),
            "redis" => new RedisRecipe(),
            _ => new RabbitMqRecipe(),
        };

        var error = Record.Exception(recipe.EnsureInstalled);

        Assert.True(error is null, $"{kind} should be installed here (Debian package '{package}'): {error?.Message}");
    }
}
