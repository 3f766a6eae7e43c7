package io.marquee.entitlement;

import java.util.UUID;

/**
 * Something that can be played, as the module owning it describes it.
 *
 * @param kind movie, episode or channel
 * @param contentId the id the viewer asked for (movie, episode or channel id)
 * @param grantId the id that entitlements name: the title id of a movie, the series id of an episode, the channel id
 * @param manifestUrl the HLS manifest, or {@code null} when the content has no stream yet
 */
public record PlayableContent(ContentKind kind, UUID contentId, UUID grantId, String manifestUrl) {

    public boolean isChannel() {
        return kind == ContentKind.CHANNEL;
    }
}
