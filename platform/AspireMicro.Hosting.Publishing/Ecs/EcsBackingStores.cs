using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Ecs;

/// <summary>
/// Backing stores as managed services: PostgreSQL → RDS, Redis → ElastiCache, RabbitMQ → Amazon MQ, each in the private
/// subnets behind its own security group, with the password from the parameter's Secrets Manager secret.
/// </summary>
internal static class EcsBackingStores
{
    public static void AddParameterSecret(EcsTemplate template, ParameterResource parameter)
    {
        // Generated in AWS, never in the template; alphanumeric because the value lands unescaped in URIs and connection strings.
        template.Add(EcsTemplate.SecretOf(parameter), Cfn.Resource("AWS::SecretsManager::Secret", new JsonObject
        {
            ["Description"] = Cfn.Sub($"${{AWS::StackName}} parameter {parameter.Name}"),
            ["GenerateSecretString"] = new JsonObject
            {
                ["PasswordLength"] = 32,
                ["ExcludePunctuation"] = true,
            },
        }));
        template.SecretIds.Add(EcsTemplate.SecretOf(parameter));
    }

    public static void Add(EcsTemplate template, BackingStore store)
    {
        var securityGroup = Cfn.Id(store.Resource, "SecurityGroup");
        template.Add(securityGroup, Cfn.Resource("AWS::EC2::SecurityGroup", new JsonObject
        {
            ["GroupDescription"] = $"{store.Name}: reachable only from the services that reference it",
            ["VpcId"] = Cfn.Ref(EcsTemplate.VpcId),
        }));
        var password = Cfn.Sub($"{{{{resolve:secretsmanager:${{{EcsTemplate.SecretOf(store.Password)}}}}}}}");
        switch (store.Resource)
        {
            case PostgresServerResource postgres:
                AddPostgres(template, postgres, store, securityGroup, password);
                break;
            case RedisResource redis:
                AddRedis(template, redis, securityGroup, password);
                break;
            case RabbitMQServerResource rabbit:
                AddRabbitMq(template, rabbit, securityGroup, password);
                break;
        }
    }

    private static void AddPostgres(EcsTemplate template, PostgresServerResource postgres, BackingStore store, string securityGroup, JsonObject password)
    {
        var subnetGroup = Cfn.Id(postgres, "SubnetGroup");
        template.Add(subnetGroup, Cfn.Resource("AWS::RDS::DBSubnetGroup", new JsonObject
        {
            ["DBSubnetGroupDescription"] = $"{postgres.Name} (private subnets)",
            ["SubnetIds"] = Cfn.Ref(EcsTemplate.PrivateSubnetIds),
        }));
        var properties = new JsonObject
        {
            ["Engine"] = "postgres",
            ["EngineVersion"] = PostgresEngineVersion(store),
            ["DBInstanceClass"] = "db.t4g.micro",
            ["AllocatedStorage"] = "20",
            ["StorageEncrypted"] = true,
            ["MasterUsername"] = store.UserName,
            ["MasterUserPassword"] = password,
            ["DBSubnetGroupName"] = Cfn.Ref(subnetGroup),
            ["VPCSecurityGroups"] = Cfn.Array(Cfn.GetAtt(securityGroup, "GroupId")),
            ["PubliclyAccessible"] = false,
            ["BackupRetentionPeriod"] = 7,
        };
        // RDS creates one database; the services create the others on first start (EF Core EnsureCreated/migrations).
        if (store.Databases.FirstOrDefault() is { } first)
        {
            properties["DBName"] = first.DatabaseName;
        }

        var database = Cfn.Resource("AWS::RDS::DBInstance", properties);
        database["DeletionPolicy"] = "Snapshot";
        database["UpdateReplacePolicy"] = "Snapshot";
        template.Add(Cfn.Id(postgres, "Database"), database);
    }

    private static void AddRedis(EcsTemplate template, RedisResource redis, string securityGroup, JsonObject password)
    {
        var subnetGroup = Cfn.Id(redis, "SubnetGroup");
        template.Add(subnetGroup, Cfn.Resource("AWS::ElastiCache::SubnetGroup", new JsonObject
        {
            ["Description"] = $"{redis.Name} (private subnets)",
            ["SubnetIds"] = Cfn.Ref(EcsTemplate.PrivateSubnetIds),
        }));
        template.Add(Cfn.Id(redis, "Cache"), Cfn.Resource("AWS::ElastiCache::ReplicationGroup", new JsonObject
        {
            ["ReplicationGroupDescription"] = $"{redis.Name}",
            ["Engine"] = "redis",
            ["CacheNodeType"] = "cache.t4g.micro",
            ["NumCacheClusters"] = 1,
            ["CacheSubnetGroupName"] = Cfn.Ref(subnetGroup),
            ["SecurityGroupIds"] = Cfn.Array(Cfn.GetAtt(securityGroup, "GroupId")),
            // AUTH (the password) is only accepted with in-transit encryption on.
            ["TransitEncryptionEnabled"] = true,
            ["AtRestEncryptionEnabled"] = true,
            ["AuthToken"] = password,
        }));
    }

    private static void AddRabbitMq(EcsTemplate template, RabbitMQServerResource rabbit, string securityGroup, JsonObject password)
    {
        var broker = Cfn.Id(rabbit, "Broker");
        template.Add(broker, Cfn.Resource("AWS::AmazonMQ::Broker", new JsonObject
        {
            ["BrokerName"] = Cfn.Sub($"${{AWS::StackName}}-{rabbit.Name.ToLowerInvariant()}"),
            ["EngineType"] = "RABBITMQ",
            ["EngineVersion"] = "3.13",
            ["HostInstanceType"] = "mq.t3.micro",
            ["DeploymentMode"] = "SINGLE_INSTANCE",
            ["AutoMinorVersionUpgrade"] = true,
            ["PubliclyAccessible"] = false,
            ["SubnetIds"] = Cfn.Array(new JsonObject { ["Fn::Select"] = Cfn.Array(0, Cfn.Ref(EcsTemplate.PrivateSubnetIds)) }),
            ["SecurityGroups"] = Cfn.Array(Cfn.GetAtt(securityGroup, "GroupId")),
            ["Users"] = Cfn.Array(new JsonObject { ["Username"] = EcsValueRenderer.BrokerUser, ["Password"] = password }),
        }));
        // AmqpEndpoints are "amqps://host:5671" URLs; connection strings need the host:port part.
        template.SubVariables[Cfn.Id(rabbit, "BrokerHost")] = new JsonObject
        {
            ["Fn::Select"] = Cfn.Array(1, new JsonObject
            {
                ["Fn::Split"] = Cfn.Array("amqps://", new JsonObject { ["Fn::Select"] = Cfn.Array(0, Cfn.GetAtt(broker, "AmqpEndpoints")) }),
            }),
        };
    }

    /// <summary>
    /// The RDS engine version of the model's image ("docker.io/library/postgres:18.3" → "18.3"): the same server the app
    /// runs against locally. A bare major ("17") names RDS's oldest minor, which RDS no longer creates (cfn-lint W3691).
    /// </summary>
    public static string PostgresEngineVersion(BackingStore store)
    {
        var tag = store.Image[(store.Image.LastIndexOf(':') + 1)..];
        var version = tag.Split('-', 2)[0];
        return version.Length > 0 && version.All(c => char.IsAsciiDigit(c) || c == '.') && version.Contains('.', StringComparison.Ordinal)
            ? version
            : throw new DistributedApplicationException(
                $"Resource '{store.Name}' uses image '{store.Image}'; target 'ecs' needs a major.minor tag (e.g. postgres:18.3) to pick the RDS engine version.");
    }

    /// <summary>Port a service connects to on the managed service (Amazon MQ speaks AMQPS on 5671).</summary>
    public static int PortOf(BackingStore store) => store.Resource switch
    {
        RabbitMQServerResource => 5671,
        _ => store.Port,
    };
}
