using Inbox.Infrastructure;
using Inbox.Infrastructure.Persistence.Seeding;
using Inbox.Web;
using Inbox.Web.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.AddRepositoryDevelopmentSettings();

builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

await app.PrepareDatabaseAsync();
// `dotnet run --project Inbox.Web -- generate-demo [--conversations N] [--messages N]`: fill with a large demo clinic and exit.
if (args.Contains("generate-demo")) { Environment.ExitCode = await DemoDataGenerator.RunAsync(app.Services, args); return; }

app.UseWebPipeline();
app.MapInboxEndpoints();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
