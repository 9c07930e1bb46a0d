using SecureOta.Build.Frosting;
using SecureOta.Build.Vectors;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Pipeline;

/// <summary>The ProtocolVectors task rewrites section 12 of docs/PROTOCOL.md and nothing before it.</summary>
public sealed class ProtocolVectorsTaskTests : IDisposable
{
    private const string Preamble = "# Protocol\n\n## 11 Limits\n\nText the task must keep, byte for byte.\n\n";

    private readonly TempDirectory _root = new();

    public ProtocolVectorsTaskTests()
    {
        File.WriteAllText(_root.Combine("SecureOta.slnx"), "<Solution />");
        Directory.CreateDirectory(_root.Combine("docs"));
        var anchor = _root.Combine(ProtocolVectorGenerator.AnchorFile.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(anchor)!);
        File.Copy(Path.Combine(RepositoryRoot.FullPath, ProtocolVectorGenerator.AnchorFile), anchor);
    }

    private string Document => _root.Combine("docs", "PROTOCOL.md");

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Rewrites_a_stale_section_12_and_keeps_everything_before_it()
    {
        File.WriteAllText(Document, Preamble + ProtocolVectorDocument.SectionHeading + "\n\nstale vectors\n");

        var run = Run();

        run.AssertSucceeded();
        Assert.Equal(Preamble + ProtocolVectorDocument.Render(ProtocolVectorGenerator.Generate(_root.Path)), File.ReadAllText(Document));
        Assert.Contains("docs/PROTOCOL.md: rewrote section 12 with", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_a_current_document_as_it_is_and_says_so()
    {
        var current = Preamble + ProtocolVectorDocument.Render(ProtocolVectorGenerator.Generate(_root.Path));
        File.WriteAllText(Document, current);
        var written = File.GetLastWriteTimeUtc(Document);
        File.SetLastWriteTimeUtc(Document, written.AddDays(-1));

        var run = Run();

        run.AssertSucceeded();
        Assert.Equal(current, File.ReadAllText(Document));
        Assert.Equal(written.AddDays(-1), File.GetLastWriteTimeUtc(Document));
        Assert.Contains("section 12 already holds the", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_without_touching_a_document_that_has_no_section_12()
    {
        File.WriteAllText(Document, Preamble);

        var run = Run();

        run.AssertOneError(BuildErrorCode.InvalidProtocolDocument, "docs/PROTOCOL.md: the document has no '## 12 Test vectors' heading");
        Assert.Equal(Preamble, File.ReadAllText(Document));
    }

    private PipelineRun Run() => PipelineRun.Execute(["--target=ProtocolVectors", $"--root={_root.Path}"]);
}
