global using Microsoft.AspNetCore.Builder;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Fkj.Cdr.Testing;
global using Fkj.Cdr.Server.Tests.Support;
