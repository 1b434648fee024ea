using AspireMicro.Dashboard.Telemetry.Model;
using AspireMicro.Dashboard.Telemetry.Storage;

namespace AspireMicro.Dashboard.Telemetry.Queries;

/// <summary>Structured-log filtering, newest first.</summary>
public static class LogQueries
{
    public static Page<LogEntry> List(LogStore logs, LogQuery query)
    {
        var matching = logs.NewestFirst().Where(l => Matches(l, query));
        var total = 0;
        var items = new List<LogEntry>(query.Take);
        foreach (var entry in matching)
        {
            if (total >= query.Skip && items.Count < query.Take)
            {
                items.Add(entry);
            }

            total++;
        }

        return new Page<LogEntry>(total, items);
    }

    private static bool Matches(LogEntry entry, LogQuery query)
    {
        if (!string.IsNullOrEmpty(query.Service) && entry.Service != query.Service)
        {
            return false;
        }

        if (entry.SeverityNumber < query.MinSeverity)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(query.TraceId) && entry.TraceId != query.TraceId)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(query.Search) && !entry.Message.Contains(query.Search.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(query.AttributeKey))
        {
            var hasAttribute = false;
            foreach (var attribute in entry.Attributes)
            {
                if (attribute.Key == query.AttributeKey
                    && (string.IsNullOrEmpty(query.AttributeValue) || attribute.Value.Contains(query.AttributeValue, StringComparison.OrdinalIgnoreCase)))
                {
                    hasAttribute = true;
                    break;
                }
            }

            return hasAttribute;
        }

        return true;
    }
}
