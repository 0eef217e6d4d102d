using Integration.Access;
using Integration.Access.Accounts;
using Integration.Access.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Admin;

/// <summary>The form of an account on the admin pages.</summary>
public sealed class AccountForm
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public List<Role> Roles { get; set; } = [];

    public string? Province { get; set; }

    public Language Language { get; set; }

    public bool Disabled { get; set; }

    public string? Password { get; set; }

    public AccountSpec Spec() => new(UserName, DisplayName, Roles, string.IsNullOrWhiteSpace(Province) ? null : Province, Language, Disabled);
}

/// <summary>The admin's list of accounts, and a new account (roles, optional province scope, language, password).</summary>
public sealed class AccountsModel(AccountStore accounts) : WebPage
{
    [BindProperty]
    public AccountForm Form { get; set; } = new();

    public IReadOnlyList<Account> Accounts { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public int MinPassword => accounts.Options.MinPasswordLength;

    public async Task OnGetAsync(string? created)
    {
        Done = created;
        Accounts = await accounts.ListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            if (Form.Province is { Length: > 0 } p && ProvinceScope.Resolve(p, Gazetteer) is null)
            {
                throw new AccountException($"'{p}' is not a province of the gazetteer.");
            }

            var account = await accounts.CreateAsync(Form.Spec(), string.IsNullOrEmpty(Form.Password) ? null : Form.Password, Caller.Name, HttpContext.RequestAborted);
            await AuditAsync(AuditAction.AccountCreated, account.UserName, new { roles = Access.Roles.Join(account.Roles), province = account.ProvinceCode, password = account.HasPassword });
            return Redirect("/admin/accounts?created=" + Uri.EscapeDataString(account.UserName));
        }
        catch (AccountException e)
        {
            Error = e.Message;
            Accounts = await accounts.ListAsync(HttpContext.RequestAborted);
            return PageWithStatus(400);
        }
    }
}
