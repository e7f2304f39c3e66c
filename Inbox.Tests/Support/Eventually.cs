namespace Inbox.Tests.Support;

/// <summary>Waits for a condition instead of sleeping: polls until it holds or the time is up.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Condition not met in time{(because is null ? "" : ": " + because)}. Last value: {value}");
            await Task.Delay(25);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null) =>
        GetAsync(condition, ok => ok, timeout, because);
}
