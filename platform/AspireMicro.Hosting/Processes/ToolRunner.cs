namespace AspireMicro.Hosting.Processes;

/// <summary>
/// Runs a short-lived helper (initdb, chown) to completion with the same no-orphan wrapping as long-lived children,
/// so even a SIGKILLed AppHost in the middle of preparing a data dir leaves nothing behind.
/// </summary>
public static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(ProcessSpec spec, CancellationToken ct)
    {
        var instanceId = Environment.GetEnvironmentVariable(ChildProcessHost.InstanceVariable) ?? $"apphost-{Environment.ProcessId}";
        var startInfo = ChildStartInfo.Build(spec, instanceId);
        var output = new System.Text.StringBuilder();
        var process = await ForkThread.StartAsync(startInfo, p =>
        {
            p.OutputDataReceived += (_, e) => Append(e.Data);
            p.ErrorDataReceived += (_, e) => Append(e.Data);
        }).ConfigureAwait(false);
        using (process)
        {
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                PosixSignals.SendToGroup(process.Id, PosixSignals.SigKill);
                throw;
            }

            lock (output)
            {
                return new ToolResult(process.ExitCode, output.ToString().TrimEnd());
            }
        }

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }
}
