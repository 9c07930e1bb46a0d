using System.Security.Cryptography;
using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Keys;
using SecureOta.Tests.Fleet.Support;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// AddDevice, RemoveDevice, AddGroup, RemoveGroup, AddToGroup, RemoveFromGroup and RotateGroupKey as
/// a maintainer runs them: keys/recipients.json stays one recipient per line, each change touches only
/// its lines, and every refusal says what to do and leaves the file as it was.
/// </summary>
public sealed class RecipientTargetTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();
    private readonly string _door17 = NewPublicKey();
    private readonly string _door18 = NewPublicKey();
    private readonly string _doors = NewPublicKey();

    [Fact]
    public void Registering_a_group_and_devices_writes_one_line_each()
    {
        Run("--target=AddGroup", "--name=doors", $"--key={_doors}");
        Run("--target=AddDevice", "--name=door-17", $"--key={_door17}", "--group=doors");
        Run("--target=AddDevice", "--name=door-18", $"--key={_door18}");

        Assert.Equal($$"""
            {
              "recipients": [
                {"name": "doors", "kind": "group", "publicKey": "{{_doors}}"},
                {"name": "door-17", "kind": "device", "publicKey": "{{_door17}}", "groups": ["doors"]},
                {"name": "door-18", "kind": "device", "publicKey": "{{_door18}}"}
              ]
            }

            """, File.ReadAllText(_workspace.RecipientsFile));
    }

    [Fact]
    public void A_public_key_file_written_by_NewKey_is_accepted()
    {
        var keyFile = Path.Combine(_workspace.Offline, "door.key");
        _workspace.Run("--target=NewKey", "--kind=x25519", $"--out={keyFile}").AssertSucceeded();

        var run = Run("--target=AddDevice", "--name=door-9", $"--key={keyFile}.pub");

        var publicKey = File.ReadAllLines(keyFile + ".pub").Single(l => !l.StartsWith('#'));
        Assert.Contains(publicKey, File.ReadAllText(_workspace.RecipientsFile), StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(publicKey)))[..16], run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_device_removes_its_line_only_and_names_the_group_keys_it_still_holds()
    {
        Run("--target=AddGroup", "--name=doors", $"--key={_doors}");
        Run("--target=AddDevice", "--name=door-17", $"--key={_door17}", "--group=doors");
        Run("--target=AddDevice", "--name=door-18", $"--key={_door18}", "--group=doors");
        var before = File.ReadAllLines(_workspace.RecipientsFile);

        var run = Run("--target=RemoveDevice", "--name=door-17");

        Assert.Equal(before.Where(l => !l.Contains("door-17", StringComparison.Ordinal)), File.ReadAllLines(_workspace.RecipientsFile));
        Assert.Contains("'door-17' still holds the private key of group 'doors'", run.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains("--target=RotateGroupKey --name=doors", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_device_while_a_fleet_key_exists_warns_that_it_still_decrypts_through_it()
    {
        Run("--target=AddGroup", "--name=fleet-2026", "--kind=fleet", $"--key={_doors}");
        Run("--target=AddDevice", "--name=door-17", $"--key={_door17}");

        var run = Run("--target=RemoveDevice", "--name=door-17");

        Assert.Contains("Every device holds the fleet key 'fleet-2026'", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_membership_changes_touch_only_the_device_line_and_leaving_asks_for_a_key_rotation()
    {
        Run("--target=AddGroup", "--name=doors", $"--key={_doors}");
        Run("--target=AddDevice", "--name=door-17", $"--key={_door17}");
        Run("--target=AddDevice", "--name=door-18", $"--key={_door18}");

        Run("--target=AddToGroup", "--group=doors", "--name=door-17", "--name=door-18");
        Assert.Contains($"\"publicKey\": \"{_door18}\", \"groups\": [\"doors\"]", File.ReadAllText(_workspace.RecipientsFile), StringComparison.Ordinal);

        var before = File.ReadAllLines(_workspace.RecipientsFile);
        var run = Run("--target=RemoveFromGroup", "--group=doors", "--name=door-18");

        var after = File.ReadAllLines(_workspace.RecipientsFile);
        Assert.Single(Enumerable.Range(0, before.Length), i => before[i] != after[i]);
        Assert.Contains($"    {{\"name\": \"door-18\", \"kind\": \"device\", \"publicKey\": \"{_door18}\"}}", after);
        Assert.Contains("still hold the private key of group 'doors'", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_group_removes_every_membership_in_it()
    {
        Run("--target=AddGroup", "--name=doors", $"--key={_doors}");
        Run("--target=AddDevice", "--name=door-17", $"--key={_door17}", "--group=doors");

        Run("--target=RemoveGroup", "--name=doors");

        Assert.Equal($"{{\n  \"recipients\": [\n    {{\"name\": \"door-17\", \"kind\": \"device\", \"publicKey\": \"{_door17}\"}}\n  ]\n}}\n",
            File.ReadAllText(_workspace.RecipientsFile));
    }

    [Fact]
    public void Rotating_a_group_key_replaces_it_and_names_the_members_who_need_the_new_one()
    {
        Run("--target=AddGroup", "--name=doors", $"--key={_doors}");
        Run("--target=AddDevice", "--name=door-17", $"--key={_door17}", "--group=doors");
        var rotated = NewPublicKey();

        var run = Run("--target=RotateGroupKey", "--name=doors", $"--key={rotated}");

        var text = File.ReadAllText(_workspace.RecipientsFile);
        Assert.Contains(rotated, text, StringComparison.Ordinal);
        Assert.DoesNotContain(_doors, text, StringComparison.Ordinal);
        Assert.Contains("give its private key to the members (door-17)", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--target=AddDevice --name=door-17 --key=DOOR18", 2, "A device named 'door-17' is already registered")]
    [InlineData("--target=AddDevice --name=door-99 --key=DOOR17", 2, "This public key is already registered as device 'door-17'")]
    [InlineData("--target=AddDevice --name=door-99 --key=DOOR18 --group=windows", 2, "No group named 'windows'")]
    [InlineData("--target=AddDevice --name=door_99! --key=DOOR18", 2, "--name=door_99! is not a valid recipient name")]
    [InlineData("--target=AddDevice --name=door-99 --key=abc", 1, "is not a public key: expected 64 hex digits or a .pub file")]
    [InlineData("--target=AddDevice --name=door-99 --key=0000000000000000000000000000000000000000000000000000000000000000", 1, "has low order")]
    [InlineData("--target=RemoveDevice --name=door-99", 2, "No recipient named 'door-99'")]
    [InlineData("--target=RemoveDevice --name=doors", 2, "'doors' is a group, not a device")]
    [InlineData("--target=AddToGroup --group=doors --name=door-17", 2, "Device 'door-17' is already in group 'doors'")]
    [InlineData("--target=AddToGroup --group=door-17 --name=door-17", 2, "'door-17' is a device, not a group")]
    [InlineData("--target=RotateGroupKey --name=doors --key=DOORS", 2, "already the key of group 'doors'")]
    public void Refused_changes_say_why_and_leave_the_file_alone(string arguments, int exitCode, string message)
    {
        Run("--target=AddGroup", "--name=doors", $"--key={_doors}");
        Run("--target=AddDevice", "--name=door-17", $"--key={_door17}", "--group=doors");
        var before = File.ReadAllText(_workspace.RecipientsFile);
        var args = arguments.Replace("DOOR18", _door18, StringComparison.Ordinal).Replace("DOOR17", _door17, StringComparison.Ordinal)
            .Replace("DOORS", _doors, StringComparison.Ordinal).Split(' ');

        var run = _workspace.Run(args);

        Assert.True(exitCode == run.ExitCode, run.Consoles.AllText);
        Assert.Contains(message, run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_workspace.RecipientsFile));
    }

    [Fact]
    public void A_hand_edited_file_with_an_unknown_group_or_member_is_reported_entry_by_entry()
    {
        File.WriteAllText(_workspace.RecipientsFile, $$"""
            {"recipients": [
              {"name": "door-17", "kind": "device", "publicKey": "{{_door17}}", "groups": ["doors"]},
              {"name": "door-18", "kind": "device", "publicKey": "{{_door18}}", "group": ["doors"]}
            ]}
            """);

        var run = _workspace.Run("--target=AddDevice", "--name=door-19", $"--key={_doors}");

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        Assert.Contains("device 'door-17' is in group 'doors', which is not registered", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("recipients[1]: unknown member \"group\"", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    private Pipeline.PipelineRun Run(params string[] args) => _workspace.Run(args).AssertSucceeded();

    private static string NewPublicKey()
    {
        var key = new RecipientKey(RandomNumberGenerator.GetBytes(32));
        return Convert.ToHexStringLower(key.GetPublicKey());
    }

    public void Dispose() => _workspace.Dispose();
}
