using Xunit;

// These tests pack the package and build projects of the repository and of temporary folders with `dotnet`; two at once
// would write the same obj/ and bin/ folders. They run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
