package io.marquee.viewing;

import java.util.UUID;

/**
 * A profile rated a title thumbs up (1) or down (−1), or cleared its rating ({@code rating} {@code null}). Published
 * in the write's transaction, only when the rating changed.
 */
public record TitleRated(UUID profileId, UUID titleId, Integer rating) {}
