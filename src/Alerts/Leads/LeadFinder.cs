using Integration.Alerts.Model;
using Integration.Alerts.Policy;

namespace Integration.Alerts.Leads;

/// <summary>
/// rules.md: a lead is an enterprise with an ACTIVE MoC or GDT record, employees evidence &gt; 0 and no
/// ACTIVE NSSF employer linked. Pure: facts in, the lead's evidence (or null) out.
/// </summary>
public sealed class LeadFinder(LicencePolicyOptions policy)
{
    public EmployeesEvidence? Evidence(EnterpriseFacts facts, DateOnly asOf)
    {
        var trading = facts.Current(facts.Moc).Any(m => LicencePolicy.IsActive(m.Status, policy.RegistryActive))
            || facts.Current(facts.Gdt).Any(g => LicencePolicy.IsActive(g.Status, policy.RegistryActive));
        if (!trading || facts.Current(facts.Nssf).Any(n => LicencePolicy.IsActive(n.Status, policy.NssfActive)))
        {
            return null;
        }

        var evidence = EmployeesEvidence.Of(facts, asOf, policy);
        return evidence.Workers >= policy.MinEmployeesForRegistration ? evidence : null;
    }
}
