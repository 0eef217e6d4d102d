using Integration.Host.Cli;

return await CliApp.RunAsync(args);
