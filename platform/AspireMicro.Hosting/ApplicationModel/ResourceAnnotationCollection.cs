using System.Collections.ObjectModel;

namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Ordered: later annotations of the same kind win (e.g. the last <see cref="ReplicaAnnotation"/>).</summary>
public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>;
