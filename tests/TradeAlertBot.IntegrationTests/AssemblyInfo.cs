// Hangfire keeps its storage in static global configuration, so two hosts in one process would hand each other
// jobs: the integration specs run one at a time (a real deployment has one host per process).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
