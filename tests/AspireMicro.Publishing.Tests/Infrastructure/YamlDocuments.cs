using YamlDotNet.RepresentationModel;

namespace AspireMicro.Publishing.Tests.Infrastructure;

/// <summary>Generic YAML access for checks that must not depend on the publisher's own types.</summary>
public static class YamlDocuments
{
    public static List<YamlMappingNode> Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    /// <summary>Every key path in a document ("spec.template.spec.containers[].name"), to compare documents structurally.</summary>
    public static SortedSet<string> KeyPaths(YamlNode node)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(node, string.Empty, paths);
        return paths;
    }

    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    private static void Collect(YamlNode node, string prefix, SortedSet<string> paths)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var path = prefix.Length == 0 ? ((YamlScalarNode)key).Value! : $"{prefix}.{((YamlScalarNode)key).Value}";
                    paths.Add(path);
                    Collect(value, path, paths);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    Collect(item, prefix + "[]", paths);
                }

                break;
        }
    }
}
