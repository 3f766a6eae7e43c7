package io.marquee.epg;

import java.util.UUID;

/** A channel was created or its details (name, number, logo, genre, stream) changed. */
public record ChannelChanged(UUID channelId) {}
