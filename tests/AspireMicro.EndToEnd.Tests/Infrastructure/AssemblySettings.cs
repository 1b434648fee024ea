// Each collection runs a whole app (about 12 processes); two at once on two cores would only slow both down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
