using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Startup;

/// <summary>The AppHosts the start-up benchmark compares, each launched as <c>dotnet {built dll}</c>.</summary>
public static class StartupSubjects
{
    public const string Full = "full AppHost";
    public const string OneProject = "one-project AppHost";
    public const string OldPlatform = "old platform (5f85209)";

    // Run mode with a developer's settings; the dashboard runs in every one of them, as on F5.
    private static readonly Dictionary<string, string> Developer = new()
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
    };

    public static AppHostSubject FullAppHost() =>
        new(Full, RepoPaths.AppHostDll, new Dictionary<string, string>(Developer) { ["BackingStores"] = "native" }, () => new AspireStartupLine());

    public static AppHostSubject OneProjectAppHost() =>
        new(OneProject, RepoPaths.OneProjectAppHostDll, Developer, () => new AspireStartupLine());

    /// <summary>The last commit of the home-made platform, built in Release in its own worktree.</summary>
    public static AppHostSubject OldPlatformAppHost(string checkout) =>
        new(OldPlatform, RepoPaths.AppHostDllUnder(Path.GetFullPath(checkout)), Developer, () => new OldPlatformTable());
}
