if (args.Length > 0 && args[0] == "runs") ResistanceSim.Benchmarks.WholeRuns.Run(args[1..]);
else if (args.Length > 0 && args[0] == "serve-load") await ResistanceSim.Benchmarks.ServeLoad.RunAsync(args[1..]);
else BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
