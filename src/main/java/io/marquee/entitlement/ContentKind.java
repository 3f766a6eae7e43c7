package io.marquee.entitlement;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a viewer plays. Episodes are entitled through their series. */
public enum ContentKind {
    MOVIE("movie"),
    EPISODE("episode"),
    CHANNEL("channel");

    private final String value;

    ContentKind(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<ContentKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
    }
}
