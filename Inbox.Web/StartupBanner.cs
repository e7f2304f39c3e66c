using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Inbox.Web;

/// <summary>Tells the person who ran `dotnet run` where the app is and how to get in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "(no address)";
        var lines = new List<string> { "", "  Inbox is running.", $"  Open {url} in a browser." };
        if (app.Environment.IsDevelopment())
        {
            if (app.Configuration["Demo:Password"] is { Length: > 0 } password)
            {
                lines.Add($"  Demo sign-ins (password {password}):");
                foreach (var user in Inbox.Infrastructure.Identity.StaffSeeder.DemoUsers)
                    lines.Add($"    {user.Role,-13} {user.Email}");
            }
            lines.Add($"  Channel simulator (play the patient): {url.TrimEnd('/')}/dev/simulator");
            if (app.Configuration["Api:DevelopmentKey"] is { Length: > 0 } key)
                lines.Add($"  API: curl -H \"Authorization: Bearer {key}\" {url.TrimEnd('/')}/api/v1/conversations");
        }
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
