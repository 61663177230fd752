using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TradeAlertBot.Storage;

/// <summary>Stores a DateTimeOffset as UTC ticks (a long), sortable and comparable on every provider.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
