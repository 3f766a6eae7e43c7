package io.marquee.catalog;

import java.util.UUID;

/** A title was created (it may still get its seasons and episodes). Published in the transaction of the write. */
public record TitlePublished(UUID titleId) {}
