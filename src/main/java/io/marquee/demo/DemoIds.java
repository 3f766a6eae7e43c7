package io.marquee.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Demo rows get ids derived from their natural keys, so every load produces the same ids and upserts in place. */
final class DemoIds {

    private DemoIds() {}

    static UUID of(String kind, Object... key) {
        StringBuilder name = new StringBuilder("marquee-demo/").append(kind);
        for (Object part : key) {
            name.append('/').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
