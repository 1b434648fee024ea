using System.Text;
using AspireMicro.Publishing.Tests.Infrastructure;

namespace AspireMicro.Publishing.Tests.Quality;

[Collection(PublishedAppCollection.Name)]
public sealed class PublishQualityTests(PublishedApp app)
{
    public static readonly TheoryData<string> Steps = new() { "publish-manifest", "publish-k8s", "publish-ecs", "publish-compose" };

    [Fact]
    public void A_configured_secret_value_appears_in_no_published_byte_of_any_target()
    {
        var files = Directory.GetFiles(app.Root, "*", SearchOption.AllDirectories);
        var needle = Encoding.UTF8.GetBytes(PublishedApp.KnownSecret);

        Assert.True(files.Length >= 4 + 10, $"only {files.Length} files published");
        Assert.All(files, file => Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(needle) < 0, $"{file} contains the secret"));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Publishing_the_same_model_twice_gives_byte_identical_files(string step)
    {
        using var temp = new TempDirectory();
        // Sibling folders: the manifest's project paths are relative to the output folder.
        await Task.WhenAll(AppHostProcess.PublishAsync(step, temp.Combine("first")), AppHostProcess.PublishAsync(step, temp.Combine("second")));

        var first = Snapshot(temp.Combine("first"));
        var second = Snapshot(temp.Combine("second"));
        Assert.NotEmpty(first);
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.All(first, f => Assert.True(f.Value.SequenceEqual(second[f.Key]), $"{f.Key} differs"));
    }

    [Fact]
    public async Task Selecting_one_target_of_the_three_writes_only_its_files_at_the_output_path()
    {
        using var temp = new TempDirectory();

        await AppHostProcess.PublishAsync("publish-ecs", temp.Path);

        Assert.Equal([".aspiremicro-ecs.files", "ecs-stack.json"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Aspire_publish_of_all_targets_writes_one_folder_per_environment()
    {
        using var temp = new TempDirectory();

        await AppHostProcess.PublishAsync("publish", temp.Path);

        Assert.Equal(["compose", "ecs", "k8s"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Order());
        Assert.True(File.Exists(temp.Combine("k8s", "kustomization.yaml")));
        Assert.True(File.Exists(temp.Combine("ecs", "ecs-stack.json")));
        Assert.True(File.Exists(temp.Combine("compose", "docker-compose.yaml")));
        // The same model gives the same files whether one target or all are published.
        Assert.Equal(File.ReadAllBytes(Path.Combine(app.Kubernetes, "catalog.yaml")), File.ReadAllBytes(temp.Combine("k8s", "catalog.yaml")));
    }

    [Fact]
    public async Task Registry_and_tag_options_reach_the_images()
    {
        using var temp = new TempDirectory();

        await AppHostProcess.PublishAsync("publish-k8s", temp.Path, "--registry", "ghcr.io/acme", "--tag", "1.2.3");

        Assert.Contains("image: ghcr.io/acme/catalog:1.2.3", File.ReadAllText(temp.Combine("catalog.yaml")));
    }

    [Theory]
    [InlineData("publish-k8s", "--tag", "no spaces", "--tag 'no spaces'")]
    [InlineData("publish-ecs", "--registry", "Not A Registry", "--registry 'Not A Registry'")]
    [InlineData("publish-compose", "--domain", "-bad-", "--domain '-bad-'")]
    public async Task A_bad_option_fails_in_one_line_naming_it_and_writes_nothing(string step, string option, string value, string expected)
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");

        var (exitCode, _, stderr) = await AppHostProcess.RunAsync("--operation", "publish", "--step", step, "--output-path", output, option, value);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.False(Directory.Exists(output), "output written despite the error");
    }

    [Fact]
    public async Task An_unknown_target_fails_in_one_line_naming_the_declared_ones()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");

        var (exitCode, _, stderr) = await AppHostProcess.RunAsync("--operation", "publish", "--step", "publish-nope", "--output-path", output);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains("'publish-nope'", line);
        Assert.Contains("publish-k8s", line);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData(new[] { "--operation", "publish" }, "name a step: --step publish-k8s")]
    [InlineData(new[] { "--operation", "publish", "--list-steps" }, "dotnet aspire do publish --list-steps")]
    [InlineData(new[] { "--operation", "publish", "--step", "publish-k8s", "--list-steps", "true" }, "dotnet aspire do publish --list-steps")]
    public async Task A_publish_Aspire_would_run_every_step_of_fails_in_one_line_and_writes_nothing(string[] args, string expected)
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");

        var (exitCode, _, stderr) = await AppHostProcess.RunAsync([.. args, "--output-path", output]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Help_lists_every_step_and_says_where_the_files_go()
    {
        var (exitCode, stdout, stderr) = await AppHostProcess.RunAsync("--operation", "publish", "--help");

        Assert.True(exitCode == 0, stderr);
        foreach (var expected in new[] { "publish-k8s", "publish-ecs", "publish-compose", "publish-manifest", "--registry", "AppHost/aspire-output/" })
        {
            Assert.Contains(expected, stdout);
        }
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);
}
