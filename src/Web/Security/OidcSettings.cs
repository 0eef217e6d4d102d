namespace Integration.Web.Security;

/// <summary>
/// Section <c>Web:Oidc</c>: an optional ministry identity provider (OpenID Connect, authorization-code flow).
/// It proves who the person is; what they may do stays with their local account of the same user name
/// (created by an admin without a password), so roles and province scope are managed in one place.
/// </summary>
public sealed class OidcSettings
{
    public const string Section = "Web:Oidc";

    /// <summary>The provider's issuer URL, e.g. https://login.example.gov.kh/realms/moc. Empty: no identity provider.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>From a secret store (Web__Oidc__ClientSecret), never in a file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim that holds the person's user name, matched against the local accounts.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>False only for a development provider on plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
