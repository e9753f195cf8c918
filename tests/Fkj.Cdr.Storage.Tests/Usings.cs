global using Fkj.Cdr.Testing;
