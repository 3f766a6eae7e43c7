package io.marquee.epg.internal;

import io.marquee.platform.errors.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A calendar day in a time zone, as the guide is browsed: it runs from local midnight to the next local midnight (23
 * or 25 hours on daylight-saving days), and holds every programme that overlaps it.
 */
record GuideDay(LocalDate date, ZoneId zone) {

    static final String ZONE_RULE = "must be an IANA time zone such as Europe/London or America/New_York";

    /** {@code date} (default: today in the zone) in {@code tz} (an IANA zone id, default UTC). */
    static GuideDay of(LocalDate date, String tz, Clock clock) {
        ZoneId zone = zone(tz);
        if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
            throw new InvalidInputException("date", "must be a date from 0001-01-01 to 9999-12-31");
        }
        return new GuideDay(date != null ? date : clock.instant().atZone(zone).toLocalDate(), zone);
    }

    static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneId.of("UTC");
        }
        // Only tz-database ids: offsets and "GMT+2"-style ids are not zones, and the ids are part of cache keys.
        if (!ZoneId.getAvailableZoneIds().contains(tz)) {
            throw new InvalidInputException("tz", ZONE_RULE);
        }
        return ZoneId.of(tz);
    }

    Instant start() {
        return date.atStartOfDay(zone).toInstant();
    }

    Instant end() {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
