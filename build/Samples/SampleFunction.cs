namespace SecureOta.Build.Samples;

/// <summary>A function of the sample program: an id (its symbol) and a body of instructions.</summary>
internal sealed class SampleFunction
{
    public SampleFunction(int id, List<SampleInstruction> body)
    {
        Id = id;
        Body = body;
    }

    public int Id { get; }

    public List<SampleInstruction> Body { get; }
}
