package io.marquee.platform.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/** The PostgreSQL driver binds {@code OffsetDateTime} as {@code timestamptz} but cannot bind an {@code Instant}. */
public final class SqlTime {

    private static final DateTimeFormatter TIMESTAMPTZ = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR_OF_ERA, 4, 10, SignStyle.NORMAL)
            .appendPattern("-MM-dd HH:mm:ss.SSSSSS'+00' ")
            .appendText(ChronoField.ERA, Map.of(0L, "BC", 1L, "AD"))
            .toFormatter(Locale.ROOT);

    private SqlTime() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The instant as PostgreSQL reads a {@code timestamptz} text, for binding timestamps in a {@code text[]} that the
     * SQL casts to {@code timestamptz[]}: rounded to microseconds as the driver rounds a bound {@code OffsetDateTime},
     * so both ways store the same value.
     */
    public static String text(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant micros = instant.getNano() % 1000 > 499
                ? instant.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS)
                : instant.truncatedTo(ChronoUnit.MICROS);
        return TIMESTAMPTZ.format(micros.atOffset(ZoneOffset.UTC));
    }
}
