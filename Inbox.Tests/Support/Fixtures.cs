namespace Inbox.Tests.Support;

/// <summary>The project's own platform payloads (Inbox.Tests/Fixtures), written from the platforms' documented shapes.</summary>
public static class Fixtures
{
    public static byte[] Bytes(string relativePath) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static string Text(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));
}
