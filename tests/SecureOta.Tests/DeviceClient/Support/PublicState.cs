using System.Collections;
using System.Reflection;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// Compares two objects by everything their public surface shows, found by reflection so a member added
/// later is compared without editing a test: every public instance property, and every public Get*(int index)
/// accessor walked from 0 until it throws ArgumentOutOfRangeException (the device core's list pattern,
/// e.g. TrustedRoot.GetTlsAnchor). Nested objects are compared the same way.
/// </summary>
public static class PublicState
{
    private const int MaxIndex = 256;

    /// <summary>Fails at the first member whose value differs; <paramref name="skipped"/> names members ("Envelope") left out.</summary>
    public static void AssertSame(object? expected, object? actual, string path, IReadOnlySet<string> skipped)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }
        Type type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: type {actual.GetType().Name} where {type.Name} is expected");
        if (type.IsPrimitive || type.IsEnum || expected is string || expected is decimal)
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
            return;
        }
        if (expected is IList list)
        {
            var other = (IList)actual;
            Assert.True(list.Count == other.Count, $"{path}: {other.Count} items where {list.Count} are expected");
            for (int i = 0; i < list.Count; i++) AssertSame(list[i], other[i], $"{path}[{i}]", skipped);
            return;
        }
        foreach (PropertyInfo property in Properties(type))
        {
            if (skipped.Contains(property.Name)) continue;
            AssertSame(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name, skipped);
        }
        foreach (MethodInfo accessor in IndexedAccessors(type))
        {
            int count = 0;
            while (count < MaxIndex && TryGet(accessor, expected, count, out object? value))
            {
                Assert.True(TryGet(accessor, actual, count, out object? other), $"{path}.{accessor.Name}({count}) is missing");
                AssertSame(value, other, $"{path}.{accessor.Name}({count})", skipped);
                count++;
            }
            Assert.False(TryGet(accessor, actual, count, out _), $"{path}.{accessor.Name}({count}) exists only in the copy");
        }
    }

    /// <summary>The public instance properties (no indexers) of a type: what a round trip must keep.</summary>
    public static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    /// <summary>Public Get*(int) methods: the indexed lists of a device core type.</summary>
    public static IEnumerable<MethodInfo> IndexedAccessors(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m =>
            m.Name.StartsWith("Get", StringComparison.Ordinal) && m.ReturnType != typeof(void) && m.DeclaringType != typeof(object) &&
            m.GetParameters() is [{ ParameterType: var parameter }] && parameter == typeof(int));

    private static bool TryGet(MethodInfo accessor, object target, int index, out object? value)
    {
        try
        {
            value = accessor.Invoke(target, [index]);
            return true;
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentOutOfRangeException)
        {
            value = null;
            return false;
        }
    }
}
