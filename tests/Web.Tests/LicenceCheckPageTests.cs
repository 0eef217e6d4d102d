using Dapper;
using Microsoft.Playwright;

namespace Integration.Web.Tests;

/// <summary>The licensing officer's page end to end in a real browser, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LicenceCheckPageTests(WebAppFixture app)
{
    [Theory]
    [InlineData("en", "BLOCK")]
    [InlineData("km", "បដិសេធ")]
    public async Task Checking_a_registration_in_arrears_shows_the_answer_its_reasons_unpaid_months_and_records(string language, string word)
    {
        // A firm registered with NSSF through verified identifiers, checked months after the extracts end: the
        // months since have no declaration, so it is in arrears.
        var registration = await app.ScalarAsync("""
            SELECT m.source_key FROM entity_links m
            JOIN entity_links n ON n.enterprise_id = m.enterprise_id AND n.feed = 'nssf-employers' AND n.method = 'id'
            JOIN nssf_employers e ON e.nssf_id = n.source_key AND e.is_current = 1 AND e.status = 'ACTIVE'
            WHERE m.feed = 'moc-licences' AND m.method = 'id'
              AND NOT EXISTS (SELECT 1 FROM entity_links g WHERE g.enterprise_id = m.enterprise_id AND g.method IN ('review', 'fuzzy'))
            ORDER BY m.source_key LIMIT 1
            """);
        var page = await app.SignInAsync(WebAppFixture.Officer, language);
        await page.GotoAsync("/check");
        await page.FillAsync("#q", registration);
        await page.FillAsync("#asOf", "2027-03-20");
        await page.ClickAsync("button.primary.big");

        var decision = page.Locator(".decision .word");
        Assert.Equal(word, (await decision.InnerTextAsync()).Trim());
        var reasons = await page.Locator("ul.reasons li").AllInnerTextsAsync();
        Assert.Contains(reasons, r => r.StartsWith("ARREARS", StringComparison.Ordinal) && r.Length > 30);
        if (language == "km")
        {
            Assert.Contains(reasons, r => r.Any(c => c is >= '\u1780' and <= '\u17FF'));
        }

        // Unpaid months with amounts, and the records (register, file, line) the answer rests on.
        Assert.True(await page.Locator("table:has(th:has-text('NSSF')) tbody tr").CountAsync() >= 3);
        var records = await page.Locator("table td.path").AllInnerTextsAsync();
        Assert.Contains(records, p => p.StartsWith("moc-licences/", StringComparison.Ordinal));
        Assert.Contains(records, p => p.StartsWith("nssf-employers/", StringComparison.Ordinal));

        // The slip carries the check id and the run; the officer's recent checks list it.
        var checkId = await app.QueryAsync(c => c.ExecuteScalarAsync<long>("SELECT MAX(check_id) FROM licence_checks WHERE requested_by = 'officer'"));
        Assert.Contains(checkId.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("dl.facts").InnerTextAsync());
        Assert.Contains(registration, await page.Locator("table.recent").InnerTextAsync());
        await app.ScreenshotAsync(page, $"check-{language}");

        // Printed, only the slip remains: no navigation, no form.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("header.top").IsVisibleAsync());
        Assert.True(await page.Locator(".slip").IsVisibleAsync());
        await app.ScreenshotAsync(page, $"check-slip-{language}");

        // Every check is in the audit log.
        var audited = await app.QueryAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE actor = 'officer' AND action = 'LicenceCheck' AND subject = @registration", new { registration }));
        Assert.True(audited >= 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_name_typed_in_the_box_brings_suggestions_and_a_list_to_check_from()
    {
        var name = await app.ScalarAsync("SELECT name_en FROM moc_licences WHERE is_current = 1 AND name_en IS NOT NULL AND LENGTH(name_en) > 8 ORDER BY registration_no LIMIT 1");
        var word = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        var page = await app.SignInAsync(WebAppFixture.Officer, "en");
        await page.GotoAsync("/check");
        await page.Locator("#q").PressSequentiallyAsync(word, new LocatorPressSequentiallyOptions { Delay = 20 });
        await page.Locator("#suggestions option").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        await page.ClickAsync("button.primary.big");
        Assert.True(await page.Locator("ul.matches li").CountAsync() > 0);
        await page.Locator("ul.matches li button").First.ClickAsync();
        Assert.Matches("^(ALLOW|BLOCK|REVIEW)$", (await page.Locator(".decision .word").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_check_page_fits_a_phone_screen_and_renders_khmer_with_a_khmer_font()
    {
        var page = await app.SignInAsync(WebAppFixture.Officer, "km", new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/check");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        // The served OFL font or the one the scripts install; either way a Khmer face, not a fallback box.
        await page.EvaluateAsync("document.fonts.ready");
        Assert.True(await page.EvaluateAsync<bool>("document.fonts.check('16px \"Noto Sans Khmer\"', 'ពិនិត្យ')"));
        var font = await page.Context.APIRequest.GetAsync("/static/NotoSansKhmer-Regular.ttf");
        Assert.Equal(200, font.Status);
        Assert.True((await font.BodyAsync()).Length > 50_000);
        await app.ScreenshotAsync(page, "check-phone-km");
        await page.Context.CloseAsync();
    }
}
