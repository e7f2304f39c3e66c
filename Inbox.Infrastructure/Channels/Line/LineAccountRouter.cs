using System.Collections.Concurrent;
using System.Text.Json;
using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels.Line;

/// <summary>
/// Which LINE channel a webhook is for. LINE names the bot in `destination`, but only the channel secret proves the
/// body is genuine, and a stored body is parsed later without its signature header. So:
/// <list type="number">
/// <item>A channel with `BotUserId` set owns that destination: only its secret may sign such a body.</item>
/// <item>Otherwise the channel whose secret verified the signature owns it, and that destination is remembered.</item>
/// <item>With a single LINE channel, every body is its own (nothing to configure for one clinic).</item>
/// </list>
/// With several channels, set `BotUserId` on each so stored bodies route after a restart too.
/// </summary>
internal sealed class LineAccountRouter(IChannelAccountDirectory directory)
{
    // destination → channel id, learned from signatures. Bounded by the bots whose secrets we hold.
    private readonly ConcurrentDictionary<string, string> _learned = new(StringComparer.Ordinal);

    private IReadOnlyList<ChannelAccountSettings> Accounts => directory.For(ChannelKind.Line);

    /// <summary>Checks the signature against the channel(s) the destination allows; remembers who signed it.</summary>
    public bool Verify(ReadOnlySpan<byte> body, string? signature)
    {
        Span<byte> given = stackalloc byte[32];
        if (!LineSignature.TryDecode(signature, given)) return false;
        var accounts = Accounts;
        var destination = ReadDestination(body);
        var owner = destination is null ? null : ByBotUserId(accounts, destination);
        if (owner is not null) return LineSignature.IsValid(body, given, owner.ChannelSecret);

        foreach (var settings in accounts)
        {
            var account = LineAccount.From(settings);
            if (!LineSignature.IsValid(body, given, account.ChannelSecret)) continue;
            if (destination is not null) _learned[destination] = account.ChannelId;
            return true;
        }
        return false;
    }

    /// <summary>The channel a (verified) body belongs to; null when it cannot be told.</summary>
    public string? Resolve(string? destination)
    {
        var accounts = Accounts;
        if (destination is not null)
        {
            if (ByBotUserId(accounts, destination) is { } owner) return owner.ChannelId;
            if (_learned.TryGetValue(destination, out var learned) && accounts.Any(a => a.AccountId == learned)) return learned;
        }
        return accounts.Count == 1 ? accounts[0].AccountId : null;
    }

    private static LineAccount? ByBotUserId(IReadOnlyList<ChannelAccountSettings> accounts, string destination)
    {
        foreach (var settings in accounts)
            if (settings.Find("BotUserId") == destination) return LineAccount.From(settings);
        return null;
    }

    /// <summary>The top-level `destination`, read without deserializing the body (it comes first in LINE's bodies).</summary>
    private static string? ReadDestination(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isDestination = reader.ValueTextEquals("destination"u8);
                if (!reader.Read()) return null;
                if (isDestination) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException) { }
        return null;
    }
}
