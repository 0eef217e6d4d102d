using Integration.Core.Settings;

namespace Integration.Ingest;

/// <summary>Start-up check of the <c>Ingest</c> section: reader limits positive, the removal guard a share of the register.</summary>
internal sealed class IngestOptionsValidator() : SettingsValidator<IngestOptions>(IngestOptions.Section)
{
    protected override void Check(IngestOptions options, SettingsProblems problems)
    {
        problems.AtLeast(nameof(options.ReportExamples), options.ReportExamples, 0);
        var limits = options.Limits;
        const string L = nameof(IngestOptions.Limits) + ":";
        problems.AtLeast(L + nameof(limits.MaxFieldChars), limits.MaxFieldChars, 1);
        problems.NotBelow(L + nameof(limits.MaxRecordChars), limits.MaxRecordChars, L + nameof(limits.MaxFieldChars), limits.MaxFieldChars);
        problems.AtLeast(L + nameof(limits.MaxFileBytes), limits.MaxFileBytes, 1);
        var guard = options.RemovalGuard;
        const string G = nameof(IngestOptions.RemovalGuard) + ":";
        problems.InRange(G + nameof(guard.MaxShare), guard.MaxShare, 0, 1);
        problems.AtLeast(G + nameof(guard.MinCurrentRecords), guard.MinCurrentRecords, 0);
    }
}
