using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace AspireMicro.Publishing.Tests.Infrastructure;

/// <summary>
/// The CloudFormation resource specification from the npm package @aws-cdk/cfnspec (pinned), fetched once with
/// <c>npm pack</c> into ~/.cache/aspiremicro and read from <c>package/spec/specification.json</c>
/// (top level: ResourceTypes, PropertyTypes; property types are keyed "AWS::X::Y.TypeName").
/// </summary>
public sealed class CloudFormationSpec
{
    public const string Version = "2.72.1";

    private static readonly Lazy<CloudFormationSpec> Shared = new(Load);

    private CloudFormationSpec(JsonObject root)
    {
        ResourceTypes = root["ResourceTypes"]!.AsObject();
        PropertyTypes = root["PropertyTypes"]!.AsObject();
    }

    public static CloudFormationSpec Instance => Shared.Value;

    public JsonObject ResourceTypes { get; }

    public JsonObject PropertyTypes { get; }

    private static CloudFormationSpec Load()
    {
        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "aspiremicro", "cfnspec", Version);
        var specFile = Path.Combine(cache, "specification.json");
        if (!File.Exists(specFile))
        {
            Directory.CreateDirectory(cache);
            var tarball = Path.Combine(cache, $"aws-cdk-cfnspec-{Version}.tgz");
            if (!File.Exists(tarball))
            {
                Npm(cache, "pack", $"@aws-cdk/cfnspec@{Version}", "--silent");
            }

            using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.Name == "package/spec/specification.json")
                {
                    var partial = specFile + ".partial";
                    entry.ExtractToFile(partial, overwrite: true);
                    File.Move(partial, specFile, overwrite: true);
                    break;
                }
            }
        }

        return new CloudFormationSpec(JsonNode.Parse(File.ReadAllText(specFile))!.AsObject());
    }

    private static void Npm(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(start)!;
        var stderr = npm.StandardError.ReadToEndAsync();
        _ = npm.StandardOutput.ReadToEnd();
        if (!npm.WaitForExit(TimeSpan.FromMinutes(3)) || npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm {string.Join(' ', args)} failed: {stderr.Result}");
        }
    }
}
