using System.CommandLine;
using Integration.Access;
using Integration.Access.Accounts;
using Integration.Access.Audit;
using Integration.Core.Reference;

namespace Integration.Host.Cli;

/// <summary>
/// <c>users</c>: people's accounts for the web app from the command line, above all the first admin on a new
/// installation (<c>users add admin --role admin --password-stdin</c>); later accounts are managed on the
/// admin page. Passwords come from standard input, never from the command line (which other users can see).
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Create and list the web app's accounts (the first admin, on a new installation).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetPassword());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("user-name") { Description = "Letters, digits, '.', '-', '_' or '@'." };
        var display = new Option<string?>("--display-name") { Description = "The person's name as the audit log shows it (default: the user name)." };
        var roles = new Option<string[]>("--role") { Description = "licensing, registration, inspection, matching, operations or admin (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var province = new Option<string?>("--province") { Description = "Limit the account to one province (gazetteer code or name)." };
        var language = new Option<string>("--language") { Description = "en or km.", DefaultValueFactory = _ => "en" };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input. Without it the account signs in only through the identity provider." };
        var command = new Command("add", "Create an account.") { name, display, roles, province, language, stdin };
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliServices.Build(parse);
            try
            {
                var gazetteer = services.GetRequiredService<Gazetteer>();
                var spec = new AccountSpec(
                    parse.GetValue(name)!,
                    parse.GetValue(display) ?? parse.GetValue(name)!,
                    Roles.ParseList(string.Join(',', parse.GetValue(roles) ?? [])),
                    ProvinceScope.Require(parse.GetValue(province), gazetteer, "--province"),
                    Languages.Parse(parse.GetValue(language)));
                var password = parse.GetValue(stdin) ? ReadPassword() : null;
                var account = await services.GetRequiredService<AccountStore>().CreateAsync(spec, password, Actor(), ct);
                await Audit(services, AuditAction.AccountCreated, account.UserName, $"{{\"roles\":\"{Roles.Join(account.Roles)}\",\"province\":\"{account.ProvinceCode}\"}}");
                Console.WriteLine($"account {account.UserName} created: roles {Roles.Join(account.Roles)}, {(account.ProvinceCode is null ? "national" : "province " + account.ProvinceCode)}, {(account.HasPassword ? "password set" : "no password (identity provider only)")}");
                return 0;
            }
            catch (Exception e) when (e is AccountException or ArgumentException or InvalidOperationException)
            {
                Console.Error.WriteLine("users add: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the accounts.");
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliServices.Build(parse);
            foreach (var a in await services.GetRequiredService<AccountStore>().ListAsync(ct))
            {
                Console.WriteLine($"{a.UserName,-24} {Roles.Join(a.Roles),-40} {a.ProvinceCode ?? "national",-9} {a.Language.Code()} {(a.Disabled ? "disabled" : "")}");
            }

            return 0;
        });
        return command;
    }

    private static Command SetPassword()
    {
        var name = new Argument<string>("user-name");
        var command = new Command("set-password", "Set an account's password from the first line of standard input (also unlocks it).") { name };
        command.SetAction(async (parse, ct) =>
        {
            using var services = CliServices.Build(parse);
            try
            {
                var user = parse.GetValue(name)!;
                if (!await services.GetRequiredService<AccountStore>().SetPasswordAsync(user, ReadPassword(), ct))
                {
                    Console.Error.WriteLine($"users set-password: no account '{user}'.");
                    return 2;
                }

                await Audit(services, AuditAction.PasswordSet, AccountStore.Normalise(user), null);
                Console.WriteLine($"password of {AccountStore.Normalise(user)} set");
                return 0;
            }
            catch (AccountException e)
            {
                Console.Error.WriteLine("users set-password: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    private static string ReadPassword() =>
        Console.In.ReadLine()?.TrimEnd('\r', '\n') is { Length: > 0 } p ? p : throw new AccountException("No password on standard input.");

    /// <summary>Who ran the command, as the audit log records it.</summary>
    internal static string Actor() => "cli:" + Environment.UserName;

    internal static async Task Audit(IServiceProvider services, AuditAction action, string? subject, string? detail) =>
        await services.GetRequiredService<AuditLog>().AppendAsync(new AuditEvent(Actor(), "cli", action, subject, null, detail));
}
