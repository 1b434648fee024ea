using k8s.Models;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>Non-root pods: a fixed user, no privilege escalation, no Linux capabilities, the runtime's seccomp profile.</summary>
internal static class KubernetesSecurity
{
    /// <summary>The "app" user of Microsoft's .NET container images (what <c>dotnet publish /t:PublishContainer</c> runs as).</summary>
    public const long AppUser = 1654;

    public static V1PodSecurityContext Pod(long user) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = user,
        RunAsGroup = user,
        FsGroup = user,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    public static V1SecurityContext Container(bool readOnlyRootFilesystem = false) => new()
    {
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = readOnlyRootFilesystem,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
    };
}
