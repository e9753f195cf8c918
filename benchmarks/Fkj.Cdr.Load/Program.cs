// Fkj.Cdr.Load: the end-to-end load harness. `Fkj.Cdr.Load --help` lists the options; benchmarks/load runs it.
return await Fkj.Cdr.Load.LoadHarness.RunAsync(args, Console.Out, Console.Error);
