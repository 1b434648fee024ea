using AspireMicro.Publishing.Tests.Infrastructure;

namespace AspireMicro.Publishing.Tests.Cli;

/// <summary>The AppHost as users run it: <c>dotnet AspireMicro.AppHost.dll publish …</c> in a child process.</summary>
public sealed class PublishCliTests
{
    [Fact]
    public async Task Unknown_target_exits_2_naming_it()
    {
        using var temp = new TempDirectory();

        var (exitCode, _, stderr) = await RunAppHostAsync("publish", "--target", "nope", "--output", temp.Combine("out"));

        Assert.Equal(2, exitCode);
        Assert.Contains("'nope'", stderr);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task Unwritable_output_directory_exits_non_zero_naming_it_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("a-file"), "not a folder");
        var output = temp.Combine("a-file", "out");

        var (exitCode, _, stderr) = await RunAppHostAsync("publish", "--target", "kubernetes", "--output", output);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(output, stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Publish_kubernetes_from_the_command_line_writes_the_kustomization_with_the_given_registry_and_tag()
    {
        using var temp = new TempDirectory();

        var (exitCode, stdout, stderr) = await RunAppHostAsync(
            "publish", "--target", "kubernetes", "--output", temp.Path, "--registry", "ghcr.io/acme", "--tag", "1.2.3");

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.True(File.Exists(temp.Combine("kustomization.yaml")));
        Assert.Contains("image: ghcr.io/acme/catalog:1.2.3", File.ReadAllText(temp.Combine("catalog.yaml")));
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAppHostAsync(params string[] args) =>
        ProcessRunner.RunAsync("dotnet", Path.GetTempPath(), [typeof(Projects.Catalog_Api).Assembly.Location, .. args], TimeSpan.FromMinutes(2));
}
