// Fkj.Cdr server: `Fkj.Cdr.Server [serve] [--port N] [--data-dir D] [--connection-string S] [--bind A]`.
return await Fkj.Cdr.Server.CdrServer.RunAsync(args);
