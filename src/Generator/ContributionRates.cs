namespace Integration.Generator;

/// <summary>NSSF contribution amounts and payment behaviour. Rates from rules.md (configuration, not law).</summary>
public sealed record ContributionRates
{
    /// <summary>Employer share of occupational risk (0.8%) + health care (2.6%) + pension (4%, employer and worker).</summary>
    public double ContributionRate { get; init; } = 0.008 + 0.026 + 0.04;

    public long MinContributableWageKhr { get; init; } = 400_000;

    public long MaxContributableWageKhr { get; init; } = 1_200_000;

    /// <summary>Probability that a month of a paying employer was first reported unpaid and corrected (paid late) in the next month's file.</summary>
    public double LatePaymentRate { get; init; } = 0.04;

    /// <summary>Probability that an unpaid month of an employer in arrears has no contribution row at all (rather than a row with paid below due).</summary>
    public double UnpaidMissingRowRate { get; init; } = 0.30;

    /// <summary>Day of the month after the period on which NSSF delivers the period's file: the day after contributions fall due (15th), so a licence check on the 16th already sees whether the latest due month was paid.</summary>
    public int DeliveryDay { get; init; } = 16;
}
