package io.marquee.epg;

import java.util.UUID;

/** A channel was deleted, and with it its programme guide and every profile's favourite of it. */
public record ChannelRemoved(UUID channelId) {}
