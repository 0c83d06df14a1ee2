namespace ResistanceSim.Integration.Packaging;

/// <summary>The tests that share one <see cref="LocalFeed"/>: the solution is packed once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class LocalFeedCollection : ICollectionFixture<LocalFeed>
{
    public const string Name = "local feed";
}
