package io.marquee.epg.internal;

import io.marquee.entitlement.ContentKind;
import io.marquee.entitlement.PlayableContent;
import io.marquee.entitlement.PlayableContentResolver;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Channels as playback sees them: entitlements name the channel itself, and the stream is its live HLS URL. */
@Component
class ChannelPlayback implements PlayableContentResolver {

    private final Channels channels;

    ChannelPlayback(Channels channels) {
        this.channels = channels;
    }

    @Override
    public Set<ContentKind> kinds() {
        return Set.of(ContentKind.CHANNEL);
    }

    @Override
    public Optional<PlayableContent> resolve(ContentKind kind, UUID contentId) {
        if (kind != ContentKind.CHANNEL) {
            return Optional.empty();
        }
        return channels.find(contentId)
                .map(channel ->
                        new PlayableContent(ContentKind.CHANNEL, channel.id(), channel.id(), channel.hlsLiveUrl()));
    }
}
