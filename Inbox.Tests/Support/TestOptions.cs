using Microsoft.Extensions.Options;

namespace Inbox.Tests.Support;

/// <summary>A fixed options value for constructing adapters directly in unit tests.</summary>
public sealed class TestOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;
    public T Get(string? name) => value;
    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
