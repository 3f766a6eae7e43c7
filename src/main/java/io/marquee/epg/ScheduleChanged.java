package io.marquee.epg;

import java.time.Instant;
import java.util.UUID;

/**
 * Programmes of a channel were added, changed or removed; nothing outside {@code [from, to)} changed. An edit that
 * moves a programme covers both its old and its new slot.
 */
public record ScheduleChanged(UUID channelId, Instant from, Instant to) {}
