package io.marquee.epg.internal;

import io.marquee.entitlement.Entitlements;
import io.marquee.epg.internal.Channels.Channel;
import io.marquee.epg.internal.GuideCache.DaySchedule;
import io.marquee.epg.internal.Programmes.OnAir;
import io.marquee.epg.internal.Programmes.OnAirNow;
import io.marquee.epg.internal.Programmes.Programme;
import io.marquee.identity.AgeRating;
import io.marquee.identity.ParentalControls;
import io.marquee.platform.sql.Like;
import io.marquee.platform.web.Listing;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The guide as a viewer sees it: shared data (from the caches or one query per list) made personal per request with
 * the profile's favourites, the account's entitlements and the profile's parental rating.
 */
@Service
class Guide {

    static final int SEARCH_LIMIT = 50;
    static final String RESTRICTED_TITLE = "Restricted";

    record ChannelView(
            UUID id,
            String name,
            int channelNumber,
            String logoUrl,
            String genre,
            boolean isHd,
            boolean isFavorite,
            String hlsLiveUrl,
            boolean entitled) {}

    record ProgrammeView(
            UUID id,
            UUID channelId,
            String title,
            String synopsis,
            String genre,
            Instant startTime,
            Instant endTime,
            String ageRating,
            boolean isNew,
            boolean isRepeat,
            String seriesTitle,
            Integer seasonNumber,
            Integer episodeNumber,
            boolean restricted) {}

    record NowPlayingView(ChannelView channel, ProgrammeView currentProgram, ProgrammeView nextProgram) {}

    record GridRowView(ChannelView channel, List<ProgrammeView> entries) {}

    private final Channels channels;
    private final Programmes programmes;
    private final GuideCache cache;
    private final Entitlements entitlements;
    private final ParentalControls parentalControls;
    private final Clock clock;

    Guide(
            Channels channels,
            Programmes programmes,
            GuideCache cache,
            Entitlements entitlements,
            ParentalControls parentalControls,
            Clock clock) {
        this.channels = channels;
        this.programmes = programmes;
        this.cache = cache;
        this.entitlements = entitlements;
        this.parentalControls = parentalControls;
        this.clock = clock;
    }

    /** Every channel by number; with a profile, its favourites first. */
    Listing<ChannelView> channels(UUID userId, UUID profileId) {
        Set<UUID> favourites = favouritesOf(profileId);
        List<Channel> ordered = channels.all().stream()
                .sorted(Comparator.comparing((Channel c) -> !favourites.contains(c.id())))
                .toList();
        return Listing.of(new ChannelViews(userId, ordered, favourites).all());
    }

    Listing<ProgrammeView> schedule(UUID channelId, GuideDay day, UUID profileId) {
        DaySchedule schedule = cache.day(channelId, day);
        if (schedule == null) {
            throw new ChannelNotFoundException();
        }
        Masking masking = masking(profileId);
        return Listing.of(schedule.programmes().stream().map(masking::view).toList());
    }

    /**
     * The guide day of several channels (unknown ids are left out), with the same order as the channel list: by
     * number, a profile's favourites first. Two queries, whatever the number of channels.
     */
    Listing<GridRowView> grid(UUID userId, Collection<UUID> channelIds, GuideDay day, UUID profileId) {
        Set<UUID> favourites = favouritesOf(profileId);
        List<Channel> found = channels.byIds(new LinkedHashSet<>(channelIds)).stream()
                .sorted(Comparator.comparing((Channel c) -> !favourites.contains(c.id())))
                .toList();
        Map<UUID, List<Programme>> entries =
                programmes.ofChannels(found.stream().map(Channel::id).toList(), day.start(), day.end());
        Masking masking = masking(profileId);
        ChannelViews views = new ChannelViews(userId, found, favourites);
        return Listing.of(found.stream()
                .map(channel -> new GridRowView(
                        views.of(channel),
                        entries.getOrDefault(channel.id(), List.of()).stream()
                                .map(masking::view)
                                .toList()))
                .toList());
    }

    /** Every channel with a programme on air, by number, with the programme after it. */
    Listing<NowPlayingView> now(UUID userId, UUID profileId) {
        OnAirNow onAir = cache.onAir();
        if (!onAir.validAt(clock.instant())) {
            onAir = cache.refreshOnAir();
        }
        Set<UUID> favourites = favouritesOf(profileId);
        Masking masking = masking(profileId);
        ChannelViews views = new ChannelViews(
                userId, onAir.channels().stream().map(OnAir::channel).toList(), favourites);
        return Listing.of(onAir.channels().stream()
                .map(item -> new NowPlayingView(
                        views.of(item.channel()),
                        masking.view(item.current()),
                        item.next() == null ? null : masking.view(item.next())))
                .toList());
    }

    /**
     * Programmes whose title contains {@code query} literally, not yet over first. A restricted profile does not find
     * programmes above its rating at all: a masked hit would still tell what the title contains.
     */
    Listing<ProgrammeView> search(String query, UUID profileId) {
        AgeRating rating = ratingOf(profileId);
        List<String> allowed = rating == AgeRating.TV_MA ? null : rating.allowedLabels();
        List<Programme> found = programmes.search(Like.containing(query), allowed, clock.instant(), SEARCH_LIMIT);
        return Listing.of(found.stream().map(new Masking(rating)::view).toList());
    }

    void addFavourite(UUID profileId, UUID channelId) {
        boolean added;
        try {
            added = channels.addFavourite(profileId, channelId);
        } catch (DataIntegrityViolationException e) {
            added = false; // the channel was deleted meanwhile
        }
        if (!added) {
            throw new ChannelNotFoundException();
        }
    }

    void removeFavourite(UUID profileId, UUID channelId) {
        channels.removeFavourite(profileId, channelId);
    }

    private Set<UUID> favouritesOf(UUID profileId) {
        return profileId == null ? Set.of() : channels.favouritesOf(profileId);
    }

    private AgeRating ratingOf(UUID profileId) {
        return profileId == null ? AgeRating.TV_MA : parentalControls.ratingOf(profileId);
    }

    private Masking masking(UUID profileId) {
        return new Masking(ratingOf(profileId));
    }

    /** Channels as one viewer sees them: one entitlement look-up for the whole list. */
    private final class ChannelViews {

        private final List<Channel> list;
        private final Set<UUID> favourites;
        private final Set<UUID> entitled;

        ChannelViews(UUID userId, List<Channel> list, Set<UUID> favourites) {
            this.list = list;
            this.favourites = favourites;
            this.entitled = entitlements.playableChannels(
                    userId, list.stream().map(Channel::id).distinct().toList());
        }

        List<ChannelView> all() {
            return list.stream().map(this::of).toList();
        }

        ChannelView of(Channel channel) {
            boolean mayPlay = entitled.contains(channel.id());
            return new ChannelView(
                    channel.id(),
                    channel.name(),
                    channel.channelNumber(),
                    channel.logoUrl(),
                    channel.genre(),
                    channel.isHd(),
                    favourites.contains(channel.id()),
                    mayPlay ? channel.hlsLiveUrl() : null,
                    mayPlay);
        }
    }

    /**
     * Parental masking (SPEC §1): a programme rated above the profile's rating, or not rated at all while the profile
     * is restricted, keeps its slot but shows only "Restricted", without synopsis or series details.
     */
    record Masking(AgeRating rating) {

        boolean restricts(Programme programme) {
            if (rating == AgeRating.TV_MA) {
                return false;
            }
            return AgeRating.parse(programme.ageRating())
                    .map(r -> r.compareTo(rating) > 0)
                    .orElse(true);
        }

        ProgrammeView view(Programme p) {
            if (restricts(p)) {
                return new ProgrammeView(
                        p.id(),
                        p.channelId(),
                        RESTRICTED_TITLE,
                        null,
                        p.genre(),
                        p.startTime(),
                        p.endTime(),
                        p.ageRating(),
                        p.isNew(),
                        p.isRepeat(),
                        null,
                        null,
                        null,
                        true);
            }
            return new ProgrammeView(
                    p.id(),
                    p.channelId(),
                    p.title(),
                    p.synopsis(),
                    p.genre(),
                    p.startTime(),
                    p.endTime(),
                    p.ageRating(),
                    p.isNew(),
                    p.isRepeat(),
                    p.seriesTitle(),
                    p.seasonNumber(),
                    p.episodeNumber(),
                    false);
        }
    }
}
