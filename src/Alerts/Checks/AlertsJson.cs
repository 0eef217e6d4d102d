using System.Text.Json;
using System.Text.Json.Serialization;

namespace Integration.Alerts.Checks;

/// <summary>JSON shape of the alerts: snake_case like the CSV columns, so one field name means one thing everywhere.</summary>
public static class AlertsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };
}
