using Integration.Alerts.Model;
using Integration.Alerts.Policy;

namespace Integration.Alerts.Leads;

/// <summary>
/// rules.md: a lead is an enterprise with an ACTIVE MoC or GDT record, employees evidence &gt; 0 and no
/// ACTIVE NSSF employer linked. Nor one in the review band with its records: like a licence check, a lead does
/// not rest on an uncertain match. Such an enterprise is most often registered under that employer (on the
/// hard generator profile 32 of 37 were), and it is in the clerks' review queue; once a clerk rejects the pair it
/// is a lead again. Pure: facts in, the lead's evidence (or null) out.
/// </summary>
internal sealed class LeadFinder(LicencePolicyOptions policy)
{
    public EmployeesEvidence? Evidence(EnterpriseFacts facts, DateOnly asOf)
    {
        var trading = facts.Current(facts.Moc).Any(m => LicencePolicy.IsActive(m.Status, policy.RegistryActive))
            || facts.Current(facts.Gdt).Any(g => LicencePolicy.IsActive(g.Status, policy.RegistryActive));
        if (!trading
            || facts.Current(facts.Nssf).Any(n => LicencePolicy.IsActive(n.Status, policy.NssfActive))
            || (facts.Neighbours is { } near && near.Current(near.Nssf).Any(n => LicencePolicy.IsActive(n.Status, policy.NssfActive))))
        {
            return null;
        }

        var evidence = EmployeesEvidence.Of(facts, asOf, policy);
        return evidence.Workers >= policy.MinEmployeesForRegistration ? evidence : null;
    }
}
