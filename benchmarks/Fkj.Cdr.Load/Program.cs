// Fkj.Cdr.Load: the end-to-end load harness. `Fkj.Cdr.Load --help` lists the options; benchmarks/load runs it.
// `Fkj.Cdr.Load bench ...` is ./fkj bench: the micro-benchmarks and the load runs, written into docs/benchmarks.md.
return args is ["bench", .. var rest]
    ? await Fkj.Cdr.Load.Bench.BenchCommand.RunAsync(rest, Console.Out, Console.Error)
    : await Fkj.Cdr.Load.LoadHarness.RunAsync(args, Console.Out, Console.Error);
