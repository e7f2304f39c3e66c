namespace Inbox.Web.Realtime;

/// <summary>
/// Runs one read or command in its own short-lived DI scope. Live components are woken by the change
/// feed on other threads while the circuit may be busy, and a DbContext is not thread-safe: one scope
/// per call means no two calls ever share one.
/// </summary>
public sealed class ScopedServices(IServiceScopeFactory scopes)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
