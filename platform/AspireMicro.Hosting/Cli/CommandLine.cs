namespace AspireMicro.Hosting;

/// <summary>What the user asked the AppHost to do. Hand-parsed: three verbs do not justify a parser dependency.</summary>
internal sealed record CommandLine(CliVerb Verb, string? Target = null, string? OutputDirectory = null, string? Error = null)
{
    public const string HelpText = """
        Usage: dotnet run --project AppHost -- [command] [options]

        Commands:
          run                                  Start every resource and the dashboard (default). Ctrl+C stops everything.
          publish --target <t> --output <dir>  Write deployment artifacts; <t> is manifest, kubernetes, ecs or compose.

        Options:
          -h, --help                           Show this help.
          --Parameters:<name>=<value>          Supply a parameter value (also: user secrets, env Parameters__<name>).
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "-h" or "--help" or "-?" or "help"))
        {
            return new CommandLine(CliVerb.Help);
        }

        var positional = args.Where(a => !a.StartsWith('-')).ToList();
        var verb = args.Count == 0 || args[0].StartsWith('-') ? "run" : args[0];
        return verb switch
        {
            "run" => new CommandLine(CliVerb.Run),
            "publish" => ParsePublish(args),
            _ => new CommandLine(CliVerb.Invalid, Error: $"Unknown command '{positional.FirstOrDefault()}'; use 'run' or 'publish' (see --help)."),
        };
    }

    /// <summary>The builder needs the publish target early, to build a publish-mode execution context.</summary>
    public static string? ParsePublishTarget(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] == "publish" ? ParsePublish(args).Target ?? string.Empty : null;

    private static CommandLine ParsePublish(IReadOnlyList<string> args)
    {
        var target = ValueOf(args, "--target");
        var output = ValueOf(args, "--output") ?? ValueOf(args, "-o");
        return target is null
            ? new CommandLine(CliVerb.Invalid, Error: "publish needs --target <manifest|kubernetes|ecs|compose>.")
            : new CommandLine(CliVerb.Publish, target, output ?? Path.Combine(Directory.GetCurrentDirectory(), "aspiremicro-output"));
    }

    internal static string? ValueOf(IReadOnlyList<string> args, string option)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == option && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(option + "=", StringComparison.Ordinal))
            {
                return args[i][(option.Length + 1)..];
            }
        }

        return null;
    }
}
