using Integration.Core.Database;
using Integration.Core.Settings;
using Integration.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The defaults the self-hosted host ships (appsettings.json), under the Function App's settings (environment).
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
{
    Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
    Optional = true,
    ReloadOnChange = false,
});
builder.Services.AddFunctionsApp(builder.Configuration);
var app = builder.Build();
app.Services.ValidateSettings(); // a wrong setting stops the worker before it touches data, naming the key
app.Services.GetRequiredService<Migrator>().Apply(); // a fresh database gets its schema before the first invocation
app.Run();
