using Integration.Core.Jobs;
using Integration.Core.Settings;

namespace Integration.Host.Scheduling;

/// <summary>Start-up check of <c>Schedule:Heartbeat</c>: the rehearsal hold is not negative.</summary>
internal sealed class HeartbeatOptionsValidator() : SettingsValidator<HeartbeatOptions>(ScheduleOptions.Section + ":Heartbeat")
{
    protected override void Check(HeartbeatOptions options, SettingsProblems problems) =>
        problems.AtLeast(nameof(options.HoldMilliseconds), options.HoldMilliseconds, 0);
}
