using System.IO.Compression;
using Dapper;
using Integration.Alerts.Leads;
using MiniExcelLibs;

namespace Integration.Web.Tests;

/// <summary>The NSSF registration division's pages end to end in a real browser, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadPagesTests(WebAppFixture app)
{
    [Theory]
    [InlineData("en", "Contacted")]
    [InlineData("km", "បានទាក់ទង")]
    public async Task Changing_a_leads_status_keeps_it_with_the_note_in_its_history(string language, string label)
    {
        var page = await app.SignInAsync(WebAppFixture.Division, language);
        await page.GotoAsync("/leads?sort=workers&desc=true");
        await app.ScreenshotAsync(page, $"leads-{language}");
        var index = language == "en" ? 0 : 1;
        var first = page.Locator("table.list tbody tr td:first-child a").Nth(index);
        var href = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await page.WaitForURLAsync("**" + href);

        var note = $"Called the director ({language})";
        await page.SelectOptionAsync("#status", "CONTACTED");
        await page.FillAsync("#note", note);
        await page.ClickAsync("form.filters button.primary");
        await page.WaitForURLAsync("**saved=true");
        Assert.Contains(label, await page.Locator("table.history").InnerTextAsync());
        Assert.Contains(note, await page.Locator("table.history").InnerTextAsync());
        // The firm's records in every register, with file and line, and the headcount evidence.
        Assert.True(await page.Locator("td.path").CountAsync() >= 1);
        Assert.True(await page.Locator("p.evidence").CountAsync() == 1);
        await app.ScreenshotAsync(page, $"lead-{language}");

        var id = Uri.UnescapeDataString(href!["/leads/".Length..]);
        var stored = await app.QueryAsync(c => c.QueryFirstAsync<(string Status, string SetBy, string? Note)>("SELECT status, set_by, note FROM lead_status WHERE enterprise_id = @id", new { id }));
        Assert.Equal(("CONTACTED", "division", note), stored);
        var audited = await app.QueryAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'LeadStatus' AND subject = @id", new { id }));
        Assert.Equal(1, audited);

        // Filtering by the new status finds it.
        await page.GotoAsync("/leads?status=CONTACTED");
        Assert.Contains(id, string.Join(" ", await page.Locator("table.list tbody a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))")));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("km")]
    public async Task Exporting_the_filtered_list_gives_the_same_rows_as_csv_and_as_excel(string language)
    {
        var province = await app.ScalarAsync("SELECT province_code FROM lead_snapshots WHERE province_code IS NOT NULL GROUP BY province_code ORDER BY COUNT(*) DESC LIMIT 1");
        var page = await app.SignInAsync(WebAppFixture.Division, language);
        await page.GotoAsync("/leads");
        await page.SelectOptionAsync("#province", province);
        await page.ClickAsync("form.filters button.primary");
        await page.WaitForURLAsync("**province=" + province + "*");
        var shown = await page.Locator("table.list tbody tr").CountAsync();
        Assert.True(shown > 0);

        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href*='format=csv']"));
        var csv = await File.ReadAllLinesAsync((await csvDownload.PathAsync())!);
        Assert.Equal(string.Join(',', LeadRow.Columns), csv[0]);
        var expected = await app.QueryAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM lead_snapshots WHERE province_code = @province AND alert_run_id = (SELECT run_id FROM alert_runs ORDER BY started_at DESC LIMIT 1)", new { province }));
        Assert.Equal(expected, csv.Length - 1);

        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href*='format=xlsx']"));
        var path = (await xlsxDownload.PathAsync())!;
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        }

        var rows = MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX).ToList();
        Assert.Equal(expected, rows.Count);
        var exports = await app.QueryAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE actor = 'division' AND action = 'Export'"));
        Assert.True(exports >= 2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_chosen_is_kept_with_the_person_for_their_next_sign_in()
    {
        var page = await app.SignInAsync(WebAppFixture.Operator, "km");
        await page.Context.CloseAsync();
        var again = await app.SignInAsync(WebAppFixture.Operator, "");
        Assert.Equal("km", await again.GetAttributeAsync("html", "lang"));
        await WebAppFixture.UseLanguageAsync(again, "en");
        await again.Context.CloseAsync();
    }
}
