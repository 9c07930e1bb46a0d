using SecureOta.Build.LocalServer;
using SecureOta.Device.Simulation;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.EndToEnd;

/// <summary>The simulator's command line: defaults, and a typed, actionable error for each kind of mistake.</summary>
public sealed class SimulatorArgumentsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _caFile;

    public SimulatorArgumentsTests()
    {
        using var authority = TestCertificateAuthority.Create();
        _caFile = _temp.Combine("ca.pem");
        File.WriteAllText(_caFile, authority.RootCertificatePem);
        File.WriteAllText(_temp.Combine("leaf.pem"), authority.ServerCertificatePem);
    }

    public void Dispose() => _temp.Dispose();

    private string[] Valid(params string[] extra) =>
        ["--site", "https://owner.github.io/repo/ota/v2/", "--ca", _caFile, "--state-dir", _temp.Combine("state"), .. extra];

    private SimulatorException Refused(params string[] args) =>
        Assert.Throws<SimulatorException>(() => SimulatorArguments.Parse(args, _temp.Path));

    private string KeyFile(string text)
    {
        string path = _temp.Combine("key-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Minimal_command_line_follows_stable_confirms_and_polls_until_settled()
    {
        var settings = SimulatorArguments.Parse(Valid(), _temp.Path);

        Assert.Equal(("stable", SimulatedAppBehaviour.ConfirmsAfterHealthCheck, (int?)null, 3), (settings.Channel, settings.App, settings.Polls, settings.MaxTrialBoots));
        Assert.Equal(new Uri("https://owner.github.io/repo/ota/v2/"), settings.SiteUrl);
        Assert.Null(settings.DeviceKey);
        Assert.Single(settings.ProvisionedCaPems);
    }

    [Fact]
    public void Options_accept_name_equals_value_and_relative_paths_from_the_working_directory()
    {
        var settings = SimulatorArguments.Parse(["--site=https://h/ota/v2", "--ca=ca.pem", "--state-dir=state", "--channel=beta", "--never-confirm",
            "--polls=2", "--trial-boots=5", "--security-version=7"], _temp.Path);

        Assert.Equal(new Uri("https://h/ota/v2/"), settings.SiteUrl);
        Assert.Equal(_temp.Combine("state"), settings.StateDir);
        Assert.Equal(("beta", SimulatedAppBehaviour.NeverConfirms, (int?)2, 5, 7L),
            (settings.Channel, settings.App, settings.Polls, settings.MaxTrialBoots, settings.ProvisionSecurityVersion));
    }

    [Theory]
    [InlineData("site")]
    [InlineData("ca")]
    [InlineData("state-dir")]
    public void Each_required_option_is_named_when_missing(string option)
    {
        var args = Valid().ToList();
        int at = args.IndexOf("--" + option);
        args.RemoveRange(at, 2);

        var error = Refused([.. args]);

        Assert.Equal(SimulatorError.MissingOption, error.Error);
        Assert.Contains("--" + option, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://owner.github.io/repo/ota/v2/", "https only")]
    [InlineData("ota/v2/", "not an absolute URL")]
    [InlineData("https://owner.github.io/repo/ota/v2/?x=1", "no user name, query or fragment")]
    public void Site_that_is_not_a_plain_https_url_is_refused(string site, string why)
    {
        var error = Refused(["--site", site, "--ca", _caFile, "--state-dir", "s"]);

        Assert.Equal(SimulatorError.InvalidValue, error.Error);
        Assert.Contains(why, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Ca_file_holding_a_leaf_certificate_is_refused_as_unpinnable()
    {
        var error = Refused(["--site", "https://h/ota/v2/", "--ca", "leaf.pem", "--state-dir", "s"]);

        Assert.Equal(SimulatorError.InvalidCaFile, error.Error);
        Assert.Contains("not a root CA", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_ca_file_is_named_with_its_full_path()
    {
        var error = Refused(["--site", "https://h/ota/v2/", "--ca", "nowhere.pem", "--state-dir", "s"]);

        Assert.Equal(SimulatorError.FileNotFound, error.Error);
        Assert.Contains(_temp.Combine("nowhere.pem"), error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_ca_files_are_all_pinned_but_other_options_may_not_repeat()
    {
        Assert.Equal(2, SimulatorArguments.Parse(Valid("--ca", _caFile), _temp.Path).ProvisionedCaPems.Count);

        var error = Refused(Valid("--channel", "beta", "--channel", "stable"));

        Assert.Equal(SimulatorError.RepeatedOption, error.Error);
        Assert.Contains("--channel", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_lists_the_known_ones()
    {
        var error = Refused(Valid("--sight", "x"));

        Assert.Equal(SimulatorError.UnknownOption, error.Error);
        Assert.Contains("--site", error.Remedy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--channel", "Stable")]
    [InlineData("--polls", "-1")]
    [InlineData("--trial-boots", "0")]
    [InlineData("--security-version", "4294967296")]
    [InlineData("--interval", "ten")]
    public void Out_of_range_or_malformed_values_are_refused(string option, string value)
    {
        var error = Refused(Valid(option, value));

        Assert.Equal(SimulatorError.InvalidValue, error.Error);
        Assert.Contains(option, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_without_its_value_and_flag_with_a_value_are_refused()
    {
        Assert.Equal(SimulatorError.MissingValue, Refused(Valid("--polls")).Error);
        Assert.Equal(SimulatorError.MissingValue, Refused(Valid("--channel", "--never-confirm")).Error);
        Assert.Equal(SimulatorError.InvalidValue, Refused(Valid("--never-confirm=yes")).Error);
    }

    [Theory]
    [InlineData("# a comment only\n", "0 key lines")]
    [InlineData("AAAA\nAAAA\n", "2 key lines")]
    [InlineData("not base64!\n", "not valid base64")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==\n", "16 bytes")]
    public void Device_key_file_that_is_not_one_32_byte_base64_key_is_refused(string text, string why)
    {
        var error = Refused(Valid("--device-key", KeyFile(text)));

        Assert.Equal(SimulatorError.InvalidDeviceKeyFile, error.Error);
        Assert.Contains(why, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_key_file_with_comments_and_one_key_line_is_read()
    {
        byte[] key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var settings = SimulatorArguments.Parse(Valid("--device-key", KeyFile("# DEMO device key\n" + Convert.ToBase64String(key) + "\n")), _temp.Path);

        Assert.Equal(key, settings.DeviceKey);
    }

    [Fact]
    public void Command_prints_help_with_exit_code_0_and_errors_with_exit_code_2_and_a_fix()
    {
        var help = new StringWriter();
        Assert.Equal(0, SimulatorCommand.Run(["--help"], help, TextWriter.Null));
        Assert.Contains("--state-dir <dir>", help.ToString(), StringComparison.Ordinal);

        var error = new StringWriter();
        Assert.Equal(2, SimulatorCommand.Run(["--site", "https://h/ota/v2/"], TextWriter.Null, error, _temp.Path));
        Assert.Contains("error [MissingOption]: --ca is missing.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("fix: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unprovisioned_state_folder_without_root_and_image_is_a_command_line_error_and_makes_no_key()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = SimulatorCommand.Run(Valid("--image", _caFile), output, error, _temp.Path);

        Assert.Equal(2, exit);
        Assert.Contains("error [NotProvisioned]", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--root is missing", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Combine("state")));
    }
}
