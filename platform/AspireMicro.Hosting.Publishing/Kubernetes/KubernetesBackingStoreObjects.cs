using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using k8s.Models;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>
/// StatefulSet + headless Service (+ an init-script ConfigMap for PostgreSQL) per backing store.
/// A StatefulSet because the data must survive pod restarts: each pod gets its own PersistentVolumeClaim.
/// </summary>
internal static class KubernetesBackingStoreObjects
{
    private const string DataVolume = "data";

    /// <summary>The postgres, redis and rabbitmq images all run their server as uid/gid 999.</summary>
    private const long StoreUser = 999;

    public static IEnumerable<object> Create(BackingStore store)
    {
        var name = store.DnsName;
        var container = new V1Container
        {
            Name = name,
            Image = store.Image,
            Ports = [new V1ContainerPort { Name = "tcp", ContainerPort = store.Port, Protocol = "TCP" }],
            VolumeMounts = [new V1VolumeMount { Name = DataVolume, MountPath = store.DataPath }],
            SecurityContext = KubernetesSecurity.Container(),
            LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "tcp" }, InitialDelaySeconds = 15, PeriodSeconds = 10 },
            Resources = KubernetesResources.Requirements("250m", "256Mi", "1", "1Gi"),
        };
        var podSpec = new V1PodSpec { Containers = [container], SecurityContext = KubernetesSecurity.Pod(StoreUser) };
        var objects = new List<object>();
        switch (store.Resource)
        {
            case PostgresServerResource:
                container.Env =
                [
                    new V1EnvVar { Name = "POSTGRES_USER", Value = store.UserName },
                    KubernetesEnvironment.SecretEnv("POSTGRES_PASSWORD", store.Password),
                    // A subfolder: the volume root may hold lost+found, which initdb refuses.
                    new V1EnvVar { Name = "PGDATA", Value = $"{store.DataPath}/pgdata" },
                ];
                container.ReadinessProbe = ExecProbe("pg_isready", "-U", store.UserName);
                var init = InitScripts(store);
                objects.Add(init);
                container.VolumeMounts.Add(new V1VolumeMount { Name = "init", MountPath = "/docker-entrypoint-initdb.d", ReadOnlyProperty = true });
                podSpec.Volumes = [new V1Volume { Name = "init", ConfigMap = new V1ConfigMapVolumeSource { Name = init.Metadata.Name } }];
                break;
            case RedisResource:
                container.Env = [KubernetesEnvironment.SecretEnv("REDIS_PASSWORD", store.Password)];
                container.Command = ["redis-server"];
                container.Args = ["--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes"];
                container.ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "tcp" }, PeriodSeconds = 5 };
                break;
            case RabbitMQServerResource:
                container.Env =
                [
                    new V1EnvVar { Name = "RABBITMQ_DEFAULT_USER", Value = store.UserName },
                    KubernetesEnvironment.SecretEnv("RABBITMQ_DEFAULT_PASS", store.Password),
                ];
                container.ReadinessProbe = ExecProbe("rabbitmq-diagnostics", "-q", "ping");
                break;
        }

        objects.Add(new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = new V1ObjectMeta { Name = name, Labels = KubernetesNames.Labels(store.Resource, store.Kind) },
            Spec = new V1StatefulSetSpec
            {
                ServiceName = name,
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = KubernetesNames.Selector(store.Resource) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = KubernetesNames.Labels(store.Resource, store.Kind) },
                    Spec = podSpec,
                },
                VolumeClaimTemplates =
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = DataVolume },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new ResourceQuantity("1Gi") },
                            },
                        },
                    },
                ],
            },
        });
        // Headless: the StatefulSet's governing Service; its DNS name resolves straight to the pod.
        objects.Add(new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = name, Labels = KubernetesNames.Labels(store.Resource, store.Kind) },
            Spec = new V1ServiceSpec
            {
                ClusterIP = "None",
                Selector = KubernetesNames.Selector(store.Resource),
                Ports = [new V1ServicePort { Name = "tcp", Port = store.Port, TargetPort = "tcp", Protocol = "TCP" }],
            },
        });
        return objects;
    }

    /// <summary>The postgres image runs these once, on an empty data volume: one CREATE DATABASE per AddDatabase.</summary>
    private static V1ConfigMap InitScripts(BackingStore store)
    {
        var sql = new StringBuilder();
        foreach (var database in store.Databases)
        {
            sql.Append("CREATE DATABASE \"").Append(database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\";\n");
        }

        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = $"{store.DnsName}-init", Labels = KubernetesNames.Labels(store.Resource, store.Kind) },
            Data = new Dictionary<string, string> { ["01-databases.sql"] = sql.ToString() },
        };
    }

    private static V1Probe ExecProbe(params string[] command) => new()
    {
        Exec = new V1ExecAction { Command = command },
        InitialDelaySeconds = 5,
        PeriodSeconds = 5,
        TimeoutSeconds = 5,
    };
}
