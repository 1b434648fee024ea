namespace AspireMicro.Publishing.Tests.Infrastructure;

/// <summary>
/// Kubernetes API schema validation with the npm package kubernetes-models (pinned), installed once into
/// ~/.cache/aspiremicro next to the small node script in Infrastructure/Node.
/// </summary>
public static class KubernetesApiSchemas
{
    public const string ModelsVersion = "5.1.0";
    private const string YamlVersion = "2.9.1";
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static async Task<(int ExitCode, string Output)> ValidateAsync(IEnumerable<string> yamlFiles)
    {
        var folder = await InstallAsync();
        var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync("node", folder, ["validate-kubernetes.mjs", .. yamlFiles], TimeSpan.FromMinutes(2));
        return (exitCode, stdout + stderr);
    }

    private static async Task<string> InstallAsync()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "aspiremicro", $"kubernetes-models-{ModelsVersion}");
        await InstallGate.WaitAsync();
        try
        {
            Directory.CreateDirectory(folder);
            if (!File.Exists(Path.Combine(folder, "node_modules", "kubernetes-models", "package.json")))
            {
                File.WriteAllText(Path.Combine(folder, "package.json"), """{ "name": "aspiremicro-k8s-validate", "private": true, "type": "module" }""");
                var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(
                    "npm", folder, ["install", "--no-audit", "--no-fund", "--silent", $"kubernetes-models@{ModelsVersion}", $"yaml@{YamlVersion}"], TimeSpan.FromMinutes(5));
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"npm install kubernetes-models failed: {stdout}{stderr}");
                }
            }

            File.Copy(Path.Combine(AppContext.BaseDirectory, "Node", "validate-kubernetes.mjs"), Path.Combine(folder, "validate-kubernetes.mjs"), overwrite: true);
            return folder;
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
