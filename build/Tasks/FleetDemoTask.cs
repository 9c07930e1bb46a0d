using SecureOta.Build.Context;
using SecureOta.Build.Demo.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>
/// <c>./build.sh --target=FleetDemo</c>: the rollout gate end to end, with one command (<see cref="FleetDemoRunner"/>):
/// about 100 simulated devices, the report collector in-process, a bad release halted by the scheduled refresh
/// without a tag, then a good release widened step by step. DEMO keys only, on a workspace of its own.
/// </summary>
[TaskName("FleetDemo")]
[TaskDescription("Runs a simulated fleet (--devices=<n>, default 100) with the report collector in-process: the gate halts a release whose trial never confirms on part of the fleet, without a tag, then widens a good one step by step. DEMO keys; the last site replaces --site-dir.")]
public sealed class FleetDemoTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        if (context.Environment.GetEnvironmentVariable(Keys.ReleaseKeySource.EnvironmentVariable) is not null)
        {
            context.Log.Warning("{0} is set: the fleet demo ignores it and builds its own workspace with DEMO keys only.", Keys.ReleaseKeySource.EnvironmentVariable);
        }

        new FleetDemoRunner(context).Run();
    }
}
