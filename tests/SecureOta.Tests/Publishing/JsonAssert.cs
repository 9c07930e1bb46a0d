using System.Text.Json;

namespace SecureOta.Tests.Publishing;

/// <summary>Assertions on parsed payloads: member names in order, and integers written as integers.</summary>
internal static class JsonAssert
{
    /// <summary>The object's member names in document order.</summary>
    public static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>The member as an integer, failing if it is a string or has a sign, fraction or exponent.</summary>
    public static long Integer(JsonElement element, string name)
    {
        JsonElement value = element.GetProperty(name);
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        Assert.Matches("^(0|[1-9][0-9]*)$", value.GetRawText());
        return value.GetInt64();
    }

    /// <summary>The member as a string of lowercase hex, decoded.</summary>
    public static byte[] Hex(JsonElement element, string name)
    {
        string text = element.GetProperty(name).GetString()!;
        Assert.Matches("^([0-9a-f]{2})+$", text);
        return Convert.FromHexString(text);
    }
}
