package io.marquee.catalog;

import java.util.UUID;

/**
 * A title's own data changed: any of its fields, its genres or its cast (not its seasons or episodes). Published in
 * the transaction of the write.
 */
public record TitleChanged(UUID titleId) {}
