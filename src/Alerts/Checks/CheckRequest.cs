namespace Integration.Alerts.Checks;

/// <summary>Who asks for a check, through which channel (http, cli, batch), and for which date.</summary>
public sealed record CheckRequest(string RegistrationNo, DateOnly? AsOf, string RequestedBy, string Channel, string? AlertRunId = null);

/// <summary>The registration number is not in the MoC register: an error, never an ALLOW.</summary>
public sealed class UnknownRegistrationException(string registrationNo)
    : Exception($"Registration number '{registrationNo}' is not in the MoC register (moc-licences); no licence check can be made.")
{
    public string RegistrationNo { get; } = registrationNo;
}
