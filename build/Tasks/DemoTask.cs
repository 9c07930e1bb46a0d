using SecureOta.Build.Context;
using SecureOta.Build.Demo;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>
/// <c>./build.sh --target=Demo</c>: the whole update story without hardware. After Default built and
/// verified the site with DEMO keys, it serves the site over HTTPS on 127.0.0.1 and runs the simulated
/// device through an update that confirms and one that is reverted (see <see cref="DemoRunner"/>).
/// </summary>
[TaskName("Demo")]
[TaskDescription("Serves the site over HTTPS on 127.0.0.1 and runs a simulated device through an update (confirmed) and a revert (never confirmed).")]
[IsDependentOn(typeof(DefaultTask))]
public sealed class DemoTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => new DemoRunner(context).Run();
}
