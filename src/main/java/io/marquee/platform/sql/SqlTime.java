package io.marquee.platform.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The PostgreSQL driver binds {@code OffsetDateTime} as {@code timestamptz} but cannot bind an {@code Instant}. */
public final class SqlTime {

    private SqlTime() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
