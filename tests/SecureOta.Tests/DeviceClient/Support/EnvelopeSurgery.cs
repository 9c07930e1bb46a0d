using System.Text.Json.Nodes;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>Edits signed envelopes the way an attacker would.</summary>
public static class EnvelopeSurgery
{
    /// <summary>The same envelope with its signatures removed.</summary>
    public static byte[] WithoutSignatures(byte[] envelope)
    {
        JsonObject json = JsonNode.Parse(envelope)!.AsObject();
        json["signatures"] = new JsonArray();
        return System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
    }
}
