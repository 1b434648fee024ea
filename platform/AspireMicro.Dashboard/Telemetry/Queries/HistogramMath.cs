namespace AspireMicro.Dashboard.Telemetry.Queries;

/// <summary>Percentiles from explicit-bucket histograms by linear interpolation inside the bucket.</summary>
public static class HistogramMath
{
    public static double Percentile(IReadOnlyList<double> bounds, IReadOnlyList<long> counts, double quantile)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return 0;
        }

        var rank = quantile * total;
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0 || seen + counts[i] < rank)
            {
                seen += counts[i];
                continue;
            }

            var lower = i == 0 || bounds.Count == 0 ? 0 : bounds[Math.Min(i - 1, bounds.Count - 1)];
            // The overflow bucket has no upper bound; its lower bound is the best honest answer.
            if (i >= bounds.Count)
            {
                return lower;
            }

            var upper = bounds[i];
            var fraction = (rank - seen) / counts[i];
            return lower + ((upper - lower) * fraction);
        }

        return bounds.Count > 0 ? bounds[^1] : 0;
    }
}
