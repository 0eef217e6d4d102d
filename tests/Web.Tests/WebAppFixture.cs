using System.Net;
using System.Net.Sockets;
using Dapper;
using Integration.Access;
using Integration.Access.Accounts;
using Integration.Core.Database;
using Integration.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Integration.Web.Tests;

/// <summary>A signed-in person of the test installation.</summary>
public sealed record Person(string UserName, string Password);

/// <summary>
/// One installation for all browser tests: a small generated sample run through the real pipeline
/// (`integration demo`), the first admin made by the real CLI, the other accounts, a real `integration serve`
/// on a free loopback port, and one headless Debian chromium driven by Playwright.
/// </summary>
public sealed partial class WebAppFixture : IAsyncLifetime, IDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public static readonly Person Admin = new("admin", "admin-password-1");
    public static readonly Person Officer = new("officer", "officer-password-1");
    public static readonly Person Division = new("division", "division-password-1");
    public static readonly Person Clerk = new("clerk", "clerk-password-1");
    public static readonly Person Inspector = new("inspector", "inspector-password-1");
    public static readonly Person KampongCham = new("kc.inspector", "kc-password-12");
    public static readonly Person Operator = new("operator", "operator-password-1");

    /// <summary>Gazetteer code of Kampong Cham, the scoped inspector's province.</summary>
    public const string KampongChamCode = "03";

    private readonly TempFolder _folder = new("web");
    private ServeProcess? _serve;
    private IPlaywright? _playwright;

    public string DataFolder => _folder.Combine("demo");

    public DatabaseOptions Database => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = Path.Combine(DataFolder, "integration.db") };

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests save a screenshot of each page (INTEGRATION_SCREENSHOTS, else beside the tests).</summary>
    public string Screenshots { get; } = Environment.GetEnvironmentVariable("INTEGRATION_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        var demo = await ServeProcess.RunAsync(_folder.Path, ["demo", "--out", DataFolder, "--scale", "700", "--seed", "7", "--as-of", "2026-11-20"]);
        Assert.True(demo.ExitCode == 0, demo.Output);

        // The first admin through the CLI, as a new installation makes it; the rest as an admin would.
        var add = await ServeProcess.RunAsync(_folder.Path, ["users", "add", Admin.UserName, "--role", "admin", "--display-name", "Sokha Admin", "--password-stdin", "--data", DataFolder], Admin.Password);
        Assert.True(add.ExitCode == 0, add.Output);
        var store = new AccountStore(new Db(Database), TimeProvider.System, Options.Create(new AccountOptions()));
        await store.CreateAsync(new AccountSpec(Officer.UserName, "Dara Officer", [Role.Licensing], null, Language.En), Officer.Password, "test");
        await store.CreateAsync(new AccountSpec(Division.UserName, "Chanthy Division", [Role.Registration], null, Language.En), Division.Password, "test");
        await store.CreateAsync(new AccountSpec(Clerk.UserName, "Vanna Clerk", [Role.Matching], null, Language.En), Clerk.Password, "test");
        await store.CreateAsync(new AccountSpec(Inspector.UserName, "Rithy Inspector", [Role.Inspection], null, Language.En), Inspector.Password, "test");
        await store.CreateAsync(new AccountSpec(KampongCham.UserName, "Kampong Cham Inspector", [Role.Inspection, Role.Registration], KampongChamCode, Language.En), KampongCham.Password, "test");
        await store.CreateAsync(new AccountSpec(Operator.UserName, "Bopha Operator", [Role.Operations], null, Language.En), Operator.Password, "test");
        SqliteConnection.ClearAllPools();

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _serve = new ServeProcess(_folder.Path, Database, ["--data", DataFolder, "--urls", BaseAddress.ToString().TrimEnd('/'), "--no-scheduler"]);
        await _serve.WaitForOutputAsync("Serving on", TimeSpan.FromSeconds(60));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        // A first sign-in pays the server's and the browser's cold start (JIT, first queries, fonts) with a
        // generous time, so no test's own 30 s budget does: a loaded CI machine once spent more than that on it.
        var warm = await SignInAsync(Admin, "", timeout: TimeSpan.FromMinutes(2));
        await warm.Context.CloseAsync();
    }

    /// <summary>A fresh browser context (its own cookies) signed in as <paramref name="person"/>, in the language asked;
    /// <paramref name="timeout"/>, when given, replaces Playwright's 30 s for every step in that context.</summary>
    public async Task<IPage> SignInAsync(Person person, string language, ViewportSize? viewport = null, TimeSpan? timeout = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        if (timeout is { } t)
        {
            context.SetDefaultTimeout((float)t.TotalMilliseconds);
            context.SetDefaultNavigationTimeout((float)t.TotalMilliseconds);
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#username", person.UserName);
        await page.FillAsync("#password", person.Password);
        await page.ClickAsync("button[type=submit].primary");
        // Signed in is the page after /signin showing its header. The URL is polled (Expect) rather than
        // awaited with WaitForURLAsync: when the redirect has already committed, that call waits for the
        // "load" event instead, and a clean-clone CI run once spent its whole 30 s there.
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInUrl(), new PageAssertionsToHaveURLOptions { Timeout = StepTimeout(timeout) });
        await page.Locator("#lang-switch").WaitForAsync();
        await UseLanguageAsync(page, language);
        return page;
    }

    [System.Text.RegularExpressions.GeneratedRegex("/signin")]
    private static partial System.Text.RegularExpressions.Regex SignInUrl();

    /// <summary>Playwright's own 30 s unless the caller gave a step timeout (Expect's default is 5 s).</summary>
    private static float StepTimeout(TimeSpan? timeout) => (float)(timeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;

    /// <summary>Switches the page to the language with the header's button when it is not in it already (the choice is kept with the account).</summary>
    public static async Task UseLanguageAsync(IPage page, string language)
    {
        if (language.Length > 0 && await page.GetAttributeAsync("html", "lang") != language)
        {
            var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#lang-switch"), r => r.Url.EndsWith("/language", StringComparison.Ordinal));
            // The page the switch redirects to, in the new language: a locator wait outlives the navigation,
            // where a load-state wait can miss or outwait it; a wrong answer still fails below.
            await page.Locator($"html[lang='{language}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            var lang = await page.GetAttributeAsync("html", "lang");
            if (lang != language)
            {
                throw new InvalidOperationException($"language switch answered {response.Status} {await response.TextAsync()}; page now {page.Url} lang={lang}");
            }
        }
    }

    public async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>A query on the installation's database (read-only use by the tests).</summary>
    public async Task<T> QueryAsync<T>(Func<System.Data.Common.DbConnection, Task<T>> query)
    {
        await using var conn = await new Db(Database).OpenAsync();
        return await query(conn);
    }

    public async Task<string> ScalarAsync(string sql) =>
        await QueryAsync(c => c.ExecuteScalarAsync<string>(sql)) ?? throw new InvalidOperationException("No row for: " + sql);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        SqliteConnection.ClearAllPools();
        Dispose();
    }

    public void Dispose()
    {
        _serve?.Dispose();
        _serve = null;
        _folder.Dispose();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "browser";
}
