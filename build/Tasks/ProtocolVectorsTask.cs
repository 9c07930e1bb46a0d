using System.Text;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Vectors;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Rewrites section 12 (test vectors) of docs/PROTOCOL.md from the code, after an intended format
/// change; ProtocolVectorsTests fail while the document and the code disagree.
/// </summary>
[TaskName("ProtocolVectors")]
[TaskDescription("Rewrites the test vectors (section 12) of docs/PROTOCOL.md from the build's writers.")]
public sealed class ProtocolVectorsTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var path = Path.Combine(context.Paths.RootDir, "docs", "PROTOCOL.md");
        var display = context.Paths.Display(path);
        var text = Read(path, display);
        var vectors = Generate(context);
        string updated;
        try
        {
            updated = ProtocolVectorDocument.ReplaceSection(text, vectors);
        }
        catch (InvalidDataException exception)
        {
            throw new BuildException(BuildErrorCode.InvalidProtocolDocument, $"{display}: {exception.Message}.",
                $"Restore the '{ProtocolVectorDocument.SectionHeading}' heading; everything after it is generated.", exception);
        }

        if (updated == text)
        {
            context.Log.Information("{0}: section 12 already holds the {1} current vectors.", display, vectors.Count);
            return;
        }

        try
        {
            File.WriteAllText(path, updated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(BuildErrorCode.FileSystem, $"Could not write {display}: {exception.Message}", "Check that the file is writable.", exception);
        }

        context.Log.Information("{0}: rewrote section 12 with {1} vectors.", display, vectors.Count);
    }

    private static IReadOnlyList<ProtocolVector> Generate(BuildContext context)
    {
        try
        {
            return ProtocolVectorGenerator.Generate(context.Paths.RootDir);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(BuildErrorCode.FileSystem, $"Could not read an input of the test vectors: {exception.Message}",
                $"The vectors pin {ProtocolVectorGenerator.AnchorFile}; restore it from git.", exception);
        }
    }

    private static string Read(string path, string display)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(BuildErrorCode.InvalidProtocolDocument, $"Could not read {display}: {exception.Message}",
                "Run the task from the repository (or pass --root=<repository>); it rewrites docs/PROTOCOL.md in place.", exception);
        }
    }
}
