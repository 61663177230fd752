using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TradeAlertBot.Storage;

/// <summary>Stores a TimeSpan as ticks, comparable on every provider.</summary>
public sealed class TimeSpanTicksConverter() : ValueConverter<TimeSpan, long>(
    value => value.Ticks,
    ticks => TimeSpan.FromTicks(ticks));
