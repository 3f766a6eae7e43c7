package io.marquee.platform.web;

import java.util.List;

/** Every unpaged list answer: {@code {items, total}} (plan 3.3). */
public record Listing<T>(List<T> items, long total) {

    public static <T> Listing<T> of(List<T> items) {
        return new Listing<>(items, items.size());
    }
}
