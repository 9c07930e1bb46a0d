namespace SecureOta.Device.Simulation;

/// <summary>The simulator command's help text.</summary>
public static class SimulatorUsage
{
    public const string Text = """
        SecureOta device simulator: a device on this machine that polls a SecureOta site over pinned HTTPS,
        verifies and installs updates into its inactive slot, boots them on trial and confirms or reverts.

        usage: dotnet run --project device/Simulator -- --site <url> --ca <pem> --state-dir <dir> [options]

        required:
          --site <url>             the site's OTA base URL, https://<host>/<path>/ota/v2/
          --ca <pem>               a PEM root CA the device is provisioned to trust (repeat for several);
                                   once the device loads its trusted root, the root's tlsAnchors are its pins
          --state-dir <dir>        the device's flash drive: boot state, slots, roots, device key (created if missing)

        provisioning (first run on an empty --state-dir only):
          --root <file>            root metadata version 1 (e.g. keys/root/1.json or site/ota/v2/roots/1.json)
          --image <file>           the first application image, written into slot A
          --security-version <n>   that image's security version (default 0)

        options:
          --channel <name>         the channel to follow (default stable)
          --extra-ca <pem>         trust this CA for this run only, in addition to the root's pins (repeat for
                                   several): to check a real-keys site served by ./build.sh --target=Serve;
                                   also trusted for the report collector the root names (a local TEST collector)
          --device-key <file>      the device's X25519 private key (one base64 line; '#' comments), e.g. a DEMO
                                   device key; without it the device generates a key at first boot, keeps it in
                                   --state-dir and prints the public key and recipient id to register
          --never-confirm          the simulated app never confirms a trial image: the loader reverts it
          --trial-boots <n>        boots a trial image gets to confirm (1-255, default 3)
          --polls <n>              polls to run (0: provision and boot only); default: until the device is
                                   settled (a poll that needs no reboot)
          --interval <seconds>     pause between polls on the same boot (default 0)
          -h, --help               this text

        exit codes: 0 the last poll succeeded, 1 the device's last poll or its storage failed,
                    2 bad command line or input file, 3 a defect in the simulator
        """;
}
