using Integration.Access;
using Integration.Access.Accounts;
using Integration.Access.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Admin;

/// <summary>One account: change roles, scope, language, status; set a new password.</summary>
public sealed class AccountModel(AccountStore accounts) : WebPage
{
    [BindProperty]
    public AccountForm Form { get; set; } = new();

    public Account? Account { get; private set; }

    public string? Error { get; private set; }

    public bool Saved { get; private set; }

    public int MinPassword => accounts.Options.MinPasswordLength;

    public async Task<IActionResult> OnGetAsync(string name, bool saved = false)
    {
        Saved = saved;
        Account = await accounts.FindAsync(name, HttpContext.RequestAborted);
        if (Account is null)
        {
            return PageWithStatus(404);
        }

        Form = new AccountForm
        {
            UserName = Account.UserName, DisplayName = Account.DisplayName, Roles = [.. Account.Roles],
            Province = Account.ProvinceCode, Language = Account.Language, Disabled = Account.Disabled,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name)
    {
        var ct = HttpContext.RequestAborted;
        try
        {
            Form.UserName = name;
            var updated = await accounts.UpdateAsync(Form.Spec(), ct) ?? throw new AccountException($"No account '{name}'.");
            await AuditAsync(AuditAction.AccountChanged, updated.UserName, new { roles = Access.Roles.Join(updated.Roles), province = updated.ProvinceCode, disabled = updated.Disabled });
            if (!string.IsNullOrEmpty(Form.Password))
            {
                await accounts.SetPasswordAsync(name, Form.Password, ct);
                await AuditAsync(AuditAction.PasswordSet, updated.UserName);
            }

            return Redirect($"/admin/accounts/{Uri.EscapeDataString(updated.UserName)}?saved=true");
        }
        catch (AccountException e)
        {
            Error = e.Message;
            Account = await accounts.FindAsync(name, ct);
            return PageWithStatus(400);
        }
    }
}
