using Integration.Bench;

return await BenchRunner.RunAsync(args);
