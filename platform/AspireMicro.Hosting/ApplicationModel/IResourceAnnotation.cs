namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Marker for data attached to a resource.</summary>
public interface IResourceAnnotation;
