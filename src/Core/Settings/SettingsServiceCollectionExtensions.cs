using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Core.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>Binds <typeparamref name="T"/> from <paramref name="section"/> and checks it with <typeparamref name="TValidator"/> at start-up.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T, TValidator>(this IServiceCollection services, IConfiguration section)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.AddSingleton<IValidateOptions<T>, TValidator>();
        return services.AddOptions<T>().Bind(section).ValidateOnStart();
    }

    /// <summary>
    /// Runs the start-up checks registered by <c>ValidateOnStart</c>. A generic host runs them in <c>StartAsync</c>; the
    /// CLI builds a bare service provider, so every process calls this before its first command (HostStartup).
    /// Throws <see cref="OptionsValidationException"/> naming every wrong setting.
    /// </summary>
    public static void ValidateSettings(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OptionsValidationException))
        {
            // Several options classes wrong at once: one exception with every failure, so the operator fixes all in one go.
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().ToList();
            throw new OptionsValidationException(
                string.Join(", ", failures.Select(f => f.OptionsName)),
                typeof(object),
                failures.SelectMany(f => f.Failures));
        }
    }
}
