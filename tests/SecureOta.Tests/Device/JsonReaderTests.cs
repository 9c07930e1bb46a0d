using System.Text;
using SecureOta.Device.Core.Json;

namespace SecureOta.Tests.Device;

public class JsonReaderTests
{
    private static object Parse(string json)
    {
        Assert.True(JsonReader.TryParse(Encoding.UTF8.GetBytes(json), out object value, out string reason), reason);
        return value;
    }

    private static string Reject(string json) => Reject(Encoding.UTF8.GetBytes(json));

    private static string Reject(byte[] json)
    {
        Assert.False(JsonReader.TryParse(json, out object value, out string reason));
        Assert.Null(value);
        Assert.False(string.IsNullOrEmpty(reason));
        return reason;
    }

    [Fact]
    public void Parses_nested_document_into_dom_in_member_order()
    {
        var root = Assert.IsType<JsonObject>(Parse(" {\"b\": [1, \"x\", true, false, null, {}], \"a\": {\"n\": 9007199254740991}} "));
        Assert.Equal(2, root.Count);
        Assert.Equal("b", root.GetName(0));
        Assert.Equal("a", root.GetName(1));
        Assert.True(root.TryGetArray("b", out JsonArray array));
        Assert.Equal(6, array.Count);
        Assert.Equal(1L, array[0]);
        Assert.Equal("x", array[1]);
        Assert.Equal(true, array[2]);
        Assert.Equal(false, array[3]);
        Assert.Same(JsonNull.Value, array[4]);
        Assert.IsType<JsonObject>(array[5]);
        Assert.True(root.TryGetObject("a", out JsonObject inner));
        Assert.True(inner.TryGetInteger("n", out long n));
        Assert.Equal(9007199254740991L, n);
    }

    [Fact]
    public void Typed_accessors_refuse_other_types_and_missing_members()
    {
        var root = Assert.IsType<JsonObject>(Parse("{\"s\":\"1\",\"i\":1,\"n\":null}"));
        Assert.False(root.TryGetInteger("s", out _));
        Assert.False(root.TryGetString("i", out _));
        Assert.False(root.TryGetString("n", out _));
        Assert.False(root.TryGetString("missing", out _));
        Assert.True(root.Contains("n"));
        Assert.False(root.Contains("missing"));
    }

    [Theory]
    [InlineData("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "a\"b\\c/d\b\f\n\r\t")]
    [InlineData("\"\\u00e9\\u20AC\"", "\u00e9\u20ac")]
    [InlineData("\"\\ud83d\\ude00\"", "\U0001F600")]
    [InlineData("\"h\u00e9llo \u20ac \U0001F600\"", "h\u00e9llo \u20ac \U0001F600")]
    [InlineData("\"\"", "")]
    public void Decodes_strings_and_escapes(string json, string expected)
    {
        Assert.Equal(expected, Parse(json));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("7", 7L)]
    [InlineData("1234567890", 1234567890L)]
    [InlineData("9007199254740991", 9007199254740991L)]
    public void Reads_integers_up_to_two_to_the_53_minus_one(string json, long expected)
    {
        Assert.Equal(expected, Parse(json));
    }

    [Theory]
    [InlineData("9007199254740992")]
    [InlineData("99999999999999999999999")]
    [InlineData("-1")]
    [InlineData("01")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("1E3")]
    [InlineData("+1")]
    [InlineData("-0")]
    public void Rejects_numbers_outside_the_integer_rule(string json)
    {
        Reject(json);
    }

    [Fact]
    public void Rejects_duplicate_member_names_even_when_spelled_with_escapes()
    {
        Assert.Contains("duplicate", Reject("{\"a\":1,\"a\":2}"));
        Assert.Contains("duplicate", Reject("{\"a\":1,\"\\u0061\":1}"));
    }

    [Fact]
    public void Accepts_depth_eight_and_rejects_depth_nine()
    {
        Parse("[[[[[[[[]]]]]]]]");
        Assert.Contains("nesting", Reject("[[[[[[[[[]]]]]]]]]"));
        Assert.Contains("nesting", Reject("{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}}}}}"));
    }

    [Fact]
    public void Deeply_nested_hostile_input_is_rejected_without_recursion_trouble()
    {
        Assert.Contains("nesting", Reject(new string('[', 60000)));
    }

    [Theory]
    [InlineData("\"\\u0000\"")]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\ud800x\"")]
    [InlineData("\"\\ud800\\u0041\"")]
    [InlineData("\"\\udc00\"")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"\\u12g4\"")]
    [InlineData("\"a\tb\"")]
    [InlineData("\"unterminated")]
    public void Rejects_bad_strings(string json)
    {
        Reject(json);
    }

    [Fact]
    public void Long_plain_runs_end_at_every_byte_that_needs_a_closer_look()
    {
        string run = new string('A', 300);
        // Space, '!', '#', '~' and DEL are plain; an escape, a multi-byte character and the closing quote end a run.
        Assert.Equal(run + " !#~\u007f" + run + "\n\u00e9" + run + "\u00e9\"\\",
            (string)Parse("\"" + run + " !#~\u007f" + run + "\\n\\u00e9" + run + "\u00e9\\\"\\\\\""));

        Assert.Contains("control character in a string (at byte 301)", Reject("\"" + run + "\u0001\""));
        Assert.Contains("unknown escape (at byte 301)", Reject("\"" + run + "\\x\""));
        Assert.Contains("invalid UTF-8 sequence (at byte 301)", Reject(Encoding.ASCII.GetBytes("\"" + run).Concat(new byte[] { 0xC3, 0x22 }).ToArray()));
        Assert.Contains("unterminated string (at byte 301)", Reject("\"" + run));
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0xC0, 0xAF, 0x22 })]             // overlong '/'
    [InlineData(new byte[] { 0x22, 0xE0, 0x80, 0xAF, 0x22 })]       // overlong 3-byte
    [InlineData(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 })]       // encoded surrogate
    [InlineData(new byte[] { 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22 })] // above U+10FFFF
    [InlineData(new byte[] { 0x22, 0x80, 0x22 })]                   // stray continuation
    [InlineData(new byte[] { 0x22, 0xC3, 0x22 })]                   // truncated sequence
    [InlineData(new byte[] { 0x22, 0xFF, 0x22 })]
    public void Rejects_invalid_utf8(byte[] json)
    {
        Reject(json);
    }

    [Fact]
    public void Rejects_byte_order_mark()
    {
        Assert.Contains("byte-order mark", Reject(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"a\"}")]
    [InlineData("{\"a\":}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("[1 2]")]
    [InlineData("{a:1}")]
    [InlineData("{'a':1}")]
    [InlineData("tru")]
    [InlineData("nul")]
    [InlineData("True")]
    [InlineData("{} {}")]
    [InlineData("{}x")]
    [InlineData("\u00a0{}")]
    public void Rejects_structural_errors(string json)
    {
        Reject(json);
    }

    [Fact]
    public void Rejects_documents_over_the_size_limit()
    {
        string big = "\"" + new string('a', JsonReader.MaxDocumentSize) + "\"";
        Assert.Contains("limit", Reject(big));
    }

    [Fact]
    public void Parses_only_the_requested_range()
    {
        byte[] data = Encoding.UTF8.GetBytes("xx[1]yy");
        Assert.True(JsonReader.TryParse(data, 2, 3, out object value, out _));
        Assert.Equal(1, Assert.IsType<JsonArray>(value).Count);
    }

    [Fact]
    public void Object_reader_names_the_first_failing_member()
    {
        var root = Assert.IsType<JsonObject>(Parse("{\"a\":\"x\",\"b\":5,\"h\":\"00FF\"}"));
        var reader = new JsonObjectReader(root, "release");
        Assert.Equal("x", reader.RequireString("a"));
        Assert.Equal(5L, reader.RequireInteger("b", 1, 10));
        Assert.False(reader.Failed);
        reader.RequireInteger("a", 0, 1);
        reader.RequireString("missing");
        Assert.True(reader.Failed);
        Assert.Equal("release.a must be an integer, not a string", reader.Reason);

        var hex = new JsonObjectReader(root, "");
        Assert.Null(hex.RequireHex("h", 2));
        Assert.Equal("h must be 4 lowercase hex digits", hex.Reason);

        var range = new JsonObjectReader(root, "");
        range.RequireInteger("b", 6, 10);
        Assert.Equal("b must be an integer from 6 to 10", range.Reason);
    }
}
