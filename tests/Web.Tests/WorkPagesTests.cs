using Dapper;

namespace Integration.Web.Tests;

/// <summary>The clerks', inspectors', operators' and managers' pages, and access by role and province, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkPagesTests(WebAppFixture app)
{
    [Theory]
    [InlineData("en", "Recorded: ACCEPT")]
    [InlineData("km", "បានកត់ត្រា៖ ACCEPT")]
    public async Task A_clerk_accepts_the_best_review_pair_from_the_keyboard_and_the_decision_is_stored(string language, string recorded)
    {
        var before = await app.QueryAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clerk_decisions"));
        var page = await app.SignInAsync(WebAppFixture.Clerk, language);
        await page.GotoAsync("/review");
        var keyA = await page.InputValueAsync("input[name=keyA]");
        var keyB = await page.InputValueAsync("input[name=keyB]");
        Assert.True(await page.Locator("table.pair tr.agree, table.pair tr.disagree").CountAsync() > 0);
        await app.ScreenshotAsync(page, $"review-{language}");

        await page.Keyboard.PressAsync("a");
        await page.WaitForURLAsync("**recorded=ACCEPT*");
        Assert.Contains(recorded, await page.Locator("p.ok").InnerTextAsync());
        var stored = await app.QueryAsync(c => c.QueryFirstAsync<(string Decision, string By)>(
            "SELECT decision, decided_by FROM clerk_decisions WHERE (key_a = @keyA AND key_b = @keyB) OR (key_a = @keyB AND key_b = @keyA)", new { keyA, keyB }));
        Assert.Equal(("ACCEPT", "clerk"), stored);
        Assert.Equal(before + 1, await app.QueryAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clerk_decisions")));
        // The decided pair has left the queue.
        Assert.NotEqual((keyA, keyB), (await page.InputValueAsync("input[name=keyA]"), await page.InputValueAsync("input[name=keyB]")));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("km")]
    public async Task An_inspector_filters_targets_by_province_and_capacity_and_gets_a_chart_and_a_visit_sheet(string language)
    {
        var province = await app.ScalarAsync("SELECT province_code FROM target_snapshots WHERE province_code IS NOT NULL GROUP BY province_code ORDER BY COUNT(*) DESC LIMIT 1");
        var page = await app.SignInAsync(WebAppFixture.Inspector, language);
        await page.GotoAsync("/targets");
        await page.SelectOptionAsync("#province", province);
        await page.FillAsync("#capacity", "5");
        await page.ClickAsync("form.filters button.primary");
        await page.WaitForURLAsync("**province=" + province + "*");
        var rows = page.Locator("table.targets tbody tr");
        Assert.InRange(await rows.CountAsync(), 1, 5);
        var ranks = await page.Locator("table.targets tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(Enumerable.Range(1, ranks.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ranks.Select(r => r.Trim()));
        Assert.True(await page.Locator("ul.factors li").CountAsync() >= ranks.Count);
        Assert.Equal(1, await page.Locator("svg.chart").CountAsync());
        await app.ScreenshotAsync(page, $"targets-{language}");

        await page.ClickAsync("a[href^='/targets/sheet']");
        Assert.InRange(await page.Locator("table.sheet tbody tr").CountAsync(), 1, 5);
        await app.ScreenshotAsync(page, $"visit-sheet-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("km")]
    public async Task A_province_scoped_inspector_sees_only_that_province_and_is_refused_another(string language)
    {
        var page = await app.SignInAsync(WebAppFixture.KampongCham, language);
        await page.GotoAsync("/targets?capacity=0");
        var districts = await page.Locator("table.targets tbody tr td:nth-child(3)").AllInnerTextsAsync();
        var expected = await app.QueryAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM target_snapshots WHERE province_code = '03' AND alert_run_id = (SELECT run_id FROM alert_runs ORDER BY started_at DESC LIMIT 1)"));
        Assert.Equal(expected, districts.Count);
        Assert.True(expected > 0);
        Assert.True(await page.Locator("#province[readonly]").CountAsync() == 1);

        await page.GotoAsync("/leads");
        var hrefs = await page.Locator("table.list tbody td:first-child a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href').substring(7))");
        foreach (var id in hrefs.Select(Uri.UnescapeDataString))
        {
            Assert.Equal("03", await app.QueryAsync(c => c.ExecuteScalarAsync<string>("SELECT province_code FROM enterprises WHERE enterprise_id = @id", new { id })));
        }

        await app.ScreenshotAsync(page, $"leads-scoped-{language}");
        var other = await page.GotoAsync("/targets?province=12");
        Assert.Equal(403, other!.Status);
        var outsider = await app.ScalarAsync("SELECT enterprise_id FROM lead_snapshots WHERE province_code <> '03' LIMIT 1");
        var firm = await page.GotoAsync("/leads/" + Uri.EscapeDataString(outsider));
        Assert.Equal(403, firm!.Status);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "You do not have access to this page")]
    [InlineData("km", "អ្នកមិនមានសិទ្ធិចូលទំព័រនេះទេ")]
    public async Task A_page_of_another_role_is_refused(string language, string message)
    {
        var page = await app.SignInAsync(WebAppFixture.Inspector, language);
        var response = await page.GotoAsync("/check");
        Assert.Equal(403, response!.Status);
        Assert.Equal(message, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("a[href='/check']").CountAsync());
        Assert.Equal(403, (await page.GotoAsync("/admin/accounts"))!.Status);
        await app.ScreenshotAsync(page, $"denied-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("km")]
    public async Task Operations_show_runs_data_quality_quarantined_rows_jobs_and_health(string language)
    {
        var page = await app.SignInAsync(WebAppFixture.Operator, language);
        await page.GotoAsync("/operations");
        Assert.True(await page.Locator("a[href^='/operations/ingest/']").CountAsync() >= 1);
        Assert.Contains("sqlite:", await page.Locator("section p").First.InnerTextAsync());
        Assert.Contains("alerts", await page.InnerTextAsync("main"));
        await app.ScreenshotAsync(page, $"operations-{language}");

        await page.Locator("a[href^='/operations/ingest/']").Last.ClickAsync();
        await app.ScreenshotAsync(page, $"data-quality-{language}");
        await page.Locator("a[href^='/operations/quarantine/']").First.ClickAsync();
        var raw = await page.Locator("pre.raw").AllInnerTextsAsync();
        Assert.NotEmpty(raw);
        Assert.Contains(raw, r => r.Contains(',', StringComparison.Ordinal) || r.Contains('{', StringComparison.Ordinal));
        await app.ScreenshotAsync(page, $"quarantine-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("km")]
    public async Task Coverage_compares_gdt_workers_with_nssf_insured_workers_by_province_and_sector(string language)
    {
        var page = await app.SignInAsync(WebAppFixture.Division, language);
        await page.GotoAsync("/coverage");
        var figures = await page.Locator("ul.figures strong").AllInnerTextsAsync();
        Assert.Equal(4, figures.Count);
        Assert.True(long.Parse(figures[0].Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(await page.Locator("table.list").CountAsync() == 2);
        Assert.True(await page.Locator("svg.chart").CountAsync() == 1);
        await app.ScreenshotAsync(page, $"coverage-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("km")]
    public async Task An_admin_creates_an_account_and_browses_and_verifies_the_audit_log(string language)
    {
        var page = await app.SignInAsync(WebAppFixture.Admin, language);
        await page.GotoAsync("/admin/accounts");
        var name = "new." + language;
        await page.FillAsync("#un", name);
        await page.FillAsync("#dn", "New Officer " + language);
        await page.CheckAsync("input[name='Form.Roles'][value=Licensing]");
        await page.SelectOptionAsync("#pv", "12");
        await page.FillAsync("#pw", "a-long-password-1");
        await page.ClickAsync("form.filters button.primary");
        await page.WaitForURLAsync("**created=*");
        Assert.Contains(name, await page.Locator("table.list").InnerTextAsync());
        await app.ScreenshotAsync(page, $"accounts-{language}");

        await page.GotoAsync("/admin/audit?action=AccountCreated");
        Assert.Contains(name, await page.Locator("table.audit").InnerTextAsync());
        await page.ClickAsync("form.inline button[type=submit]");
        Assert.True(await page.Locator("p.ok[role=status]").CountAsync() == 1);
        await app.ScreenshotAsync(page, $"audit-{language}");
        await page.Context.CloseAsync();
    }
}
