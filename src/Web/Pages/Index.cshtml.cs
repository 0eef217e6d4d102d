namespace Integration.Web.Pages;

/// <summary>The pages the signed-in person's roles open.</summary>
public sealed class IndexModel : WebPage
{
    public void OnGet()
    {
    }
}
