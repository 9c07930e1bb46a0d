namespace SecureOta.Tests.Pipeline;

/// <summary>The pipeline test classes share one <see cref="PipelineFixture"/> (one good build) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline";
}
