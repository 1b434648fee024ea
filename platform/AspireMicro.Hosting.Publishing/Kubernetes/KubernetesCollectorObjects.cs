using k8s.Models;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>Deployment + Service for the OpenTelemetry Collector the services export to (<see cref="OpenTelemetryCollector"/>).</summary>
internal static class KubernetesCollectorObjects
{
    public static IEnumerable<object> Create()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app.kubernetes.io/component"] = "telemetry",
            ["app.kubernetes.io/managed-by"] = "aspiremicro",
            [KubernetesNames.NameLabel] = OpenTelemetryCollector.Name,
        };
        var selector = new Dictionary<string, string>(StringComparer.Ordinal) { [KubernetesNames.NameLabel] = OpenTelemetryCollector.Name };
        var container = new V1Container
        {
            Name = OpenTelemetryCollector.Name,
            Image = OpenTelemetryCollector.Image,
            Ports =
            [
                new V1ContainerPort { Name = "otlp-grpc", ContainerPort = OpenTelemetryCollector.GrpcPort, Protocol = "TCP" },
                new V1ContainerPort { Name = "otlp-http", ContainerPort = OpenTelemetryCollector.HttpPort, Protocol = "TCP" },
            ],
            // The default configuration has no health endpoint to rely on: the OTLP listener accepting is the signal.
            ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "otlp-grpc" }, PeriodSeconds = 5 },
            LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "otlp-grpc" }, PeriodSeconds = 10, FailureThreshold = 6 },
            Resources = KubernetesResources.Requirements("100m", "128Mi", "1", "512Mi"),
            SecurityContext = KubernetesSecurity.Container(readOnlyRootFilesystem: true),
        };
        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = OpenTelemetryCollector.Name, Labels = labels },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = selector },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        Containers = [container],
                        SecurityContext = KubernetesSecurity.Pod(OpenTelemetryCollector.User),
                    },
                },
            },
        };
        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = OpenTelemetryCollector.Name, Labels = labels },
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = selector,
                Ports =
                [
                    new V1ServicePort { Name = "otlp-grpc", Port = OpenTelemetryCollector.GrpcPort, TargetPort = "otlp-grpc", Protocol = "TCP" },
                    new V1ServicePort { Name = "otlp-http", Port = OpenTelemetryCollector.HttpPort, TargetPort = "otlp-http", Protocol = "TCP" },
                ],
            },
        };
        return [deployment, service];
    }
}
