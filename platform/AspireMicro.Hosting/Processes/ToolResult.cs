namespace AspireMicro.Hosting.Processes;

/// <summary>Exit code and combined stdout/stderr of a helper run by <see cref="ToolRunner"/>.</summary>
public sealed record ToolResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
