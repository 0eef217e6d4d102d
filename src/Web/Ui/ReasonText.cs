using Integration.Alerts.Policy;

namespace Integration.Web.Ui;

/// <summary>
/// Each reason of a licence decision as a sentence. English is the policy's own sentence; Khmer is built
/// from the same figures the decision carries (months, amounts, NSSF ids, headcount evidence).
/// </summary>
public static class ReasonText
{
    public static string Sentence(Reason reason, LicenceDecision d)
    {
        if (!Text.KhmerNow)
        {
            return reason.Text;
        }

        var e = d.Evidence;
        var window = $"{e.WindowFrom}..{e.LatestDue}";
        return reason.Code switch
        {
            ReasonCodes.Current when d.UnpaidPeriods == 0 =>
                $"និយោជក ប.ស.ស. {d.NssfId} បានបង់ភាគទានគ្រប់ខែដែលត្រូវបង់ក្នុងរយៈពេល {window}។",
            ReasonCodes.Current =>
                $"មាន {d.UnpaidPeriods} ខែមិនទាន់បង់ក្នុងរយៈពេល {window} ដែលនៅក្នុងចំនួន {e.Policy.AllowedUnpaidMonths} ខែដែលអនុញ្ញាត។",
            ReasonCodes.NoEmployeesDeclared =>
                "សហគ្រាសនេះគ្មាននិយោជក ប.ស.ស. សកម្មទេ ហើយគ្មានបញ្ជីណាមួយប្រកាសថាមានបុគ្គលិកឡើយ (ចំនួនបុគ្គលិកតាមពន្ធដារ ការប្រកាសនៅក្រសួងពាណិជ្ជកម្ម ឬកម្មករមានធានារ៉ាប់រង)។",
            ReasonCodes.NotRegistered =>
                $"សហគ្រាសនេះគ្មាននិយោជក ប.ស.ស. សកម្មទេ ប៉ុន្តែមានបុគ្គលិក ({e.EmployeesEvidence})៖ ត្រូវតែចុះបញ្ជីនៅ ប.ស.ស.។",
            ReasonCodes.Arrears =>
                $"មាន {d.UnpaidPeriods} ខែមិនទាន់បង់ក្នុងរយៈពេល {window} ({string.Join(", ", e.UnpaidMonths.Select(m => m[(m.IndexOf(':', StringComparison.Ordinal) + 1)..]).Distinct(StringComparer.Ordinal))})៖ ប្រាក់ជំពាក់ {Labels.Number(d.ArrearsKhr)} រៀល។",
            ReasonCodes.UncertainMatch when d.EnterpriseId is null =>
                "ការចុះបញ្ជីនេះមិនទាន់បានភ្ជាប់ទៅសហគ្រាសណាមួយនៅឡើយ ដូច្នេះមិនអាចពិនិត្យកំណត់ត្រា ប.ស.ស. និងពន្ធដារបានទេ។",
            ReasonCodes.UncertainMatch =>
                $"សេចក្តីសម្រេចនេះផ្អែកលើការភ្ជាប់កំណត់ត្រាដែលមិនទាន់ប្រាកដ៖ មន្ត្រីផ្គូផ្គងត្រូវបញ្ជាក់ជាមុនសិន។ បើគ្មានការត្រួតពិនិត្យ ចម្លើយនឹងជា {e.DecisionWithoutReview}។",
            _ => reason.Text,
        };
    }
}
