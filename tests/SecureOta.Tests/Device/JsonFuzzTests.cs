using System.Text;
using SecureOta.Device.Core.Json;

namespace SecureOta.Tests.Device;

/// <summary>
/// Random mutations of valid documents: the reader must answer every one with success or its typed
/// failure, never with another exception. Seeds are fixed so a failure is reproducible.
/// </summary>
public class JsonFuzzTests
{
    private static readonly string[] Seeds =
    {
        "{\"payloadType\":\"application/vnd.secureota.channel+json\",\"payload\":\"eyJhIjoxfQ==\",\"signatures\":[{\"keyid\":\"ab\",\"sig\":\"AA==\"}]}",
        "{\"type\":\"secureota/root\",\"spec\":1,\"version\":2,\"keys\":[{\"id\":\"00\",\"public\":\"11\"}],\"roles\":{\"root\":{\"threshold\":1,\"keyIds\":[\"00\"]}},\"tlsAnchors\":[\"-----BEGIN\\nx\\u00e9\\ud83d\\ude00\"]}",
        "[[[[[[[0]]]]]]]",
        "{\"a\":[true,false,null,0,9007199254740991,\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]}",
    };

    private static readonly byte[] Interesting =
        [.. Encoding.UTF8.GetBytes("{}[]\":,\\u0123456789-+.eEtrufalsn \t\r\n"), 0x00, 0x7F, 0x80, 0xBF, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF];

    [Fact]
    public void Random_mutations_only_ever_fail_with_a_reason()
    {
        var random = new Random(20240601);
        int accepted = 0, rejected = 0;
        for (int round = 0; round < 40000; round++)
        {
            byte[] document = Mutate(Encoding.UTF8.GetBytes(Seeds[round % Seeds.Length]), random);
            bool ok = JsonReader.TryParse(document, out object value, out string reason);
            if (ok)
            {
                Assert.NotNull(value);
                Assert.Null(reason);
                accepted++;
            }
            else
            {
                Assert.Null(value);
                Assert.False(string.IsNullOrEmpty(reason));
                rejected++;
            }
        }
        // Both outcomes must occur, or the mutations are not exercising the reader.
        Assert.True(accepted > 100, "accepted " + accepted);
        Assert.True(rejected > 100, "rejected " + rejected);
    }

    private static byte[] Mutate(byte[] document, Random random)
    {
        var bytes = new List<byte>(document);
        int edits = 1 + random.Next(4);
        for (int i = 0; i < edits; i++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }
        return bytes.ToArray();
    }
}
