using System.Diagnostics;

namespace AspireMicro.Hosting.Processes;

/// <summary>Turns a <see cref="ProcessSpec"/> into the wrapped command every child (and every helper tool) runs as.</summary>
internal static class ChildStartInfo
{
    public static ProcessStartInfo Build(ProcessSpec spec, string instanceId)
    {
        var startInfo = new ProcessStartInfo("setpriv")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        // setpriv changes the user before it sets the parent-death signal (the kernel clears that signal on a
        // credential change), then setsid execs the real program in the same pid as a session and group leader.
        if (spec.RunAsUser is { } user && PosixSignals.IsRoot)
        {
            startInfo.ArgumentList.Add($"--reuid={user}");
            startInfo.ArgumentList.Add($"--regid={user}");
            startInfo.ArgumentList.Add("--init-groups");
        }

        // nice execs the program too, so the pid stays the program's own.
        string[] nice = spec.Niceness is { } niceness ? ["nice", "-n", $"{niceness}", "--"] : [];
        foreach (var argument in (string[])["--pdeathsig", "KILL", "--", "setsid", "--", .. nice, spec.FileName, .. spec.Arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment[ChildProcessHost.InstanceVariable] = instanceId;
        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }
}
