using AspireMicro.Hosting.Publishing.Rendering;
using k8s.Models;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>ConfigMap + Deployment + Service for one project.</summary>
internal static class KubernetesProjectObjects
{
    public static IEnumerable<object> Create(ProjectDeployment project, PublishSettings settings, ValueRenderer renderer)
    {
        var name = KubernetesNames.Of(project.Resource);
        var environment = new KubernetesEnvironment();
        if (project.Ports.Count > 0)
        {
            environment.Plain["ASPNETCORE_URLS"] = string.Join(';', project.Ports.Select(p => $"http://+:{p.ContainerPort}"));
        }

        // Telemetry to the collector deployed beside the services (KubernetesCollectorObjects).
        environment.Plain["OTEL_EXPORTER_OTLP_ENDPOINT"] = OpenTelemetryCollector.GrpcEndpoint;
        environment.Plain["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
        environment.Plain["OTEL_SERVICE_NAME"] = project.Name;
        foreach (var (key, value) in project.Environment)
        {
            environment.Add(key, renderer.Render(value));
        }

        var args = project.Args.Select(a => environment.Expand(renderer.Render(a))).ToList();
        var configMap = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = $"{name}-env", Labels = KubernetesNames.Labels(project.Resource, "project") },
            Data = new Dictionary<string, string>(environment.Plain, StringComparer.Ordinal),
        };
        var container = new V1Container
        {
            Name = name,
            Image = settings.ImageFor(project.Name),
            Args = args.Count > 0 ? args : null,
            Ports = project.Ports.Count > 0 ? [.. project.Ports.Select(p => new V1ContainerPort { Name = p.Name, ContainerPort = p.ContainerPort, Protocol = "TCP" })] : null,
            EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = configMap.Metadata.Name } }],
            Env = environment.EnvVars() is { Count: > 0 } env ? env : null,
            // /alive checks only the process (restart when hung); /health includes dependencies (take out of rotation).
            LivenessProbe = project.HttpPort is { } live ? HttpProbe(ProjectDeployment.AlivePath, live.Name, periodSeconds: 10, failureThreshold: 6) : null,
            ReadinessProbe = project.HttpPort is { } ready ? HttpProbe(ProjectDeployment.HealthPath, ready.Name, periodSeconds: 5, failureThreshold: 3) : null,
            Resources = KubernetesResources.Requirements("100m", "128Mi", "1", "512Mi"),
            // Read-only root: the app writes only to /tmp (an emptyDir).
            SecurityContext = KubernetesSecurity.Container(readOnlyRootFilesystem: true),
            VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }],
        };
        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = name, Labels = KubernetesNames.Labels(project.Resource, "project") },
            Spec = new V1DeploymentSpec
            {
                Replicas = project.Replicas,
                Selector = new V1LabelSelector { MatchLabels = KubernetesNames.Selector(project.Resource) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = KubernetesNames.Labels(project.Resource, "project") },
                    Spec = new V1PodSpec
                    {
                        Containers = [container],
                        SecurityContext = KubernetesSecurity.Pod(KubernetesSecurity.AppUser),
                        Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() }],
                    },
                },
            },
        };
        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = name, Labels = KubernetesNames.Labels(project.Resource, "project") },
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = KubernetesNames.Selector(project.Resource),
                Ports = [.. project.Ports.Select(p => new V1ServicePort { Name = p.Name, Port = p.ContainerPort, TargetPort = p.Name, Protocol = "TCP" })],
            },
        };
        return project.Ports.Count > 0 ? [configMap, deployment, service] : [configMap, deployment];
    }

    private static V1Probe HttpProbe(string path, string port, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port },
        InitialDelaySeconds = 5,
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 3,
        FailureThreshold = failureThreshold,
    };
}
