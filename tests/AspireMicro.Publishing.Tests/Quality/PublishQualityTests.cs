using System.Text;
using AspireMicro.Hosting;
using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing;
using AspireMicro.Publishing.Tests.Infrastructure;

namespace AspireMicro.Publishing.Tests.Quality;

public sealed class PublishQualityTests
{
    public static readonly TheoryData<string> Targets = new() { "manifest", "kubernetes", "ecs", "compose" };

    [Fact]
    public async Task A_configured_secret_value_appears_in_no_published_byte_of_any_target()
    {
        const string secret = "Xq7KnownSecretValue9Zr";
        using var temp = new TempDirectory();
        foreach (var target in Targets)
        {
            await RealAppHost.PublishAsync(target, temp.Combine(target), $"--Parameters:postgres-password={secret}");
        }

        // The value really is in the configuration the model resolves from, so its absence in the output means something.
        await using (var app = RealAppHost.Build("publish", "--target", "manifest", $"--Parameters:postgres-password={secret}"))
        {
            var parameter = app.Model.Resources.OfType<ParameterResource>().Single(p => p.Name == "postgres-password");
            Assert.Equal(secret, await parameter.GetValueAsync());
        }

        var files = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories);
        Assert.True(files.Length >= 4 + 10, $"only {files.Length} files published");
        var needle = Encoding.UTF8.GetBytes(secret);
        Assert.All(files, file => Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(needle) < 0, $"{file} contains the secret"));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Publishing_the_same_model_twice_gives_byte_identical_files(string target)
    {
        using var temp = new TempDirectory();
        // Same folder name at different depths would change relative project paths; use siblings.
        await RealAppHost.PublishAsync(target, temp.Combine("first"));
        await RealAppHost.PublishAsync(target, temp.Combine("second"));

        var first = Snapshot(temp.Combine("first"));
        var second = Snapshot(temp.Combine("second"));
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, f => Assert.True(f.Value.SequenceEqual(second[f.Key]), $"{f.Key} differs"));
    }

    [Fact]
    public async Task Republishing_into_the_same_folder_replaces_our_files_and_keeps_the_users()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("k8s");
        await RealAppHost.PublishAsync("kubernetes", output);
        File.WriteAllText(Path.Combine(output, "parameters.env"), "postgres-password=mine\n");
        File.WriteAllText(Path.Combine(output, "catalog.yaml"), "edited");
        File.WriteAllText(Path.Combine(output, "old-service.yaml"), "from an earlier model");
        File.AppendAllText(Path.Combine(output, ".aspiremicro-kubernetes.files"), "old-service.yaml\n");

        await RealAppHost.PublishAsync("kubernetes", output);

        Assert.Equal("postgres-password=mine\n", File.ReadAllText(Path.Combine(output, "parameters.env")));
        Assert.Contains("kind: Deployment", File.ReadAllText(Path.Combine(output, "catalog.yaml")));
        Assert.False(File.Exists(Path.Combine(output, "old-service.yaml")), "a file of the previous publish that is no longer generated stays behind");
        Assert.Empty(Directory.GetDirectories(output));
    }

    [Theory]
    [InlineData("kubernetes")]
    [InlineData("ecs")]
    [InlineData("compose")]
    public async Task An_executable_resource_fails_targets_that_cannot_express_it_naming_it_and_writes_nothing(string target)
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");
        await using var app = BuildModelWithExecutable(target);
        var error = new StringWriter();

        var exitCode = await app.PublishAsync(target, output, error, CancellationToken.None);

        var message = AssertFailedInOneLineWritingNothing(exitCode, error, output);
        Assert.Contains("'tool'", message);
        Assert.Contains(target, message);
    }

    [Fact]
    public async Task An_executable_resource_is_an_executable_v0_in_the_manifest()
    {
        using var temp = new TempDirectory();
        await using var app = BuildModelWithExecutable("manifest");

        Assert.Equal(0, await app.PublishAsync("manifest", temp.Path, new StringWriter(), CancellationToken.None));

        Assert.Contains("\"executable.v0\"", File.ReadAllText(temp.Combine(ManifestFileName)));
    }

    [Fact]
    public void An_unwritable_output_directory_fails_naming_it_and_leaves_nothing_behind()
    {
        using var temp = new TempDirectory();
        var blocker = temp.Combine("a-file");
        File.WriteAllText(blocker, "not a folder");
        var output = Path.Combine(blocker, "out");
        var artifacts = new ArtifactSet();
        artifacts.Add("x.yaml", "a: 1");

        var exception = Assert.Throws<DistributedApplicationException>(() => ArtifactWriter.Commit(output, "kubernetes", artifacts));

        Assert.Contains(output, exception.Message);
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task An_invalid_image_tag_fails_in_one_line_naming_the_option_and_writes_nothing(string target)
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out");
        await using var app = RealAppHost.Build("publish", "--target", target, "--output", output, "--tag", "no spaces");
        var error = new StringWriter();

        var exitCode = await app.PublishAsync(target, output, error, CancellationToken.None);

        var message = AssertFailedInOneLineWritingNothing(exitCode, error, output);
        Assert.Contains("--tag 'no spaces'", message);
    }

    private const string ManifestFileName = "aspire-manifest.json";

    private static DistributedApplication BuildModelWithExecutable(string target)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = ["publish", "--target", target],
            PersistGeneratedSecrets = false,
            StateDirectory = Path.Combine(Path.GetTempPath(), "aspiremicro-publish-state"),
        });
        builder.AddRedis("cache");
        builder.AddExecutable("tool", "/bin/echo", "/tmp", "hello");
        return builder.Build();
    }

    /// <summary>The CLI's contract for a failed publish: exit code 1, one "error: …" line, no stack trace, no partial output.</summary>
    private static string AssertFailedInOneLineWritingNothing(int exitCode, StringWriter error, string output)
    {
        var message = error.ToString().TrimEnd('\n');
        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: ", message);
        Assert.DoesNotContain('\n', message);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "partial output left behind");
        return message;
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);
}
