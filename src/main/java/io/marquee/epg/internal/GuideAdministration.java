package io.marquee.epg.internal;

import io.marquee.epg.ChannelChanged;
import io.marquee.epg.ChannelRemoved;
import io.marquee.epg.ScheduleChanged;
import io.marquee.epg.internal.Channels.Channel;
import io.marquee.epg.internal.Channels.ChannelFields;
import io.marquee.epg.internal.Programmes.Programme;
import io.marquee.epg.internal.Programmes.ProgrammeFields;
import io.marquee.platform.errors.InvalidInputException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin may do to channels and the guide. Every write publishes its event in its own transaction
 * ({@link ChannelChanged}, {@link ChannelRemoved}, {@link ScheduleChanged}); the guide's caches are evicted from them.
 */
@Service
class GuideAdministration {

    /** {@code null} fields stay unchanged; an empty string removes an optional text. */
    record ChannelChanges(
            String name, Integer channelNumber, String logoUrl, String genre, Boolean isHd, String hlsLiveUrl) {}

    /** {@code null} fields stay unchanged; an empty string removes an optional text. */
    record ProgrammeChanges(
            String title,
            String synopsis,
            String genre,
            Instant startTime,
            Instant endTime,
            String ageRating,
            Boolean isNew,
            Boolean isRepeat,
            String seriesTitle,
            Integer seasonNumber,
            Integer episodeNumber) {}

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final Channels channels;
    private final Programmes programmes;
    private final ApplicationEventPublisher events;

    GuideAdministration(Channels channels, Programmes programmes, ApplicationEventPublisher events) {
        this.channels = channels;
        this.programmes = programmes;
        this.events = events;
    }

    List<Channel> channels() {
        return channels.all();
    }

    @Transactional
    Channel createChannel(ChannelFields fields) {
        Channel channel;
        try {
            channel = channels.insert(fields);
        } catch (DataIntegrityViolationException e) {
            throw channelConflict(e, fields.channelNumber());
        }
        events.publishEvent(new ChannelChanged(channel.id()));
        return channel;
    }

    @Transactional
    Channel updateChannel(UUID id, ChannelChanges changes) {
        Channel before = channels.lock(id).orElseThrow(ChannelNotFoundException::new);
        ChannelFields fields = new ChannelFields(
                changes.name() != null ? changes.name() : before.name(),
                changes.channelNumber() != null ? changes.channelNumber() : before.channelNumber(),
                text(changes.logoUrl(), before.logoUrl()),
                text(changes.genre(), before.genre()),
                changes.isHd() != null ? changes.isHd() : before.isHd(),
                text(changes.hlsLiveUrl(), before.hlsLiveUrl()));
        Channel after;
        try {
            after = channels.update(id, fields).orElseThrow(ChannelNotFoundException::new);
        } catch (DataIntegrityViolationException e) {
            throw channelConflict(e, fields.channelNumber());
        }
        events.publishEvent(new ChannelChanged(id));
        return after;
    }

    /** Its programmes and every profile's favourite of it go with it. */
    @Transactional
    void deleteChannel(UUID id) {
        if (!channels.delete(id)) {
            throw new ChannelNotFoundException();
        }
        events.publishEvent(new ChannelRemoved(id));
    }

    List<Programme> schedule(UUID channelId, GuideDay day) {
        return programmes.ofChannel(channelId, day.start(), day.end()).orElseThrow(ChannelNotFoundException::new);
    }

    @Transactional
    Programme createProgramme(ProgrammeFields fields) {
        requireEndAfterStart(fields.startTime(), fields.endTime());
        Programme programme;
        try {
            programme = programmes.insert(fields);
        } catch (DataIntegrityViolationException e) {
            throw programmeConflict(e);
        }
        events.publishEvent(new ScheduleChanged(programme.channelId(), programme.startTime(), programme.endTime()));
        return programme;
    }

    @Transactional
    Programme updateProgramme(UUID id, ProgrammeChanges changes) {
        Programme before = programmes.lock(id).orElseThrow(ProgrammeNotFoundException::new);
        ProgrammeFields fields = new ProgrammeFields(
                before.channelId(),
                changes.title() != null ? changes.title() : before.title(),
                text(changes.synopsis(), before.synopsis()),
                text(changes.genre(), before.genre()),
                changes.startTime() != null ? changes.startTime() : before.startTime(),
                changes.endTime() != null ? changes.endTime() : before.endTime(),
                text(changes.ageRating(), before.ageRating()),
                changes.isNew() != null ? changes.isNew() : before.isNew(),
                changes.isRepeat() != null ? changes.isRepeat() : before.isRepeat(),
                text(changes.seriesTitle(), before.seriesTitle()),
                changes.seasonNumber() != null ? changes.seasonNumber() : before.seasonNumber(),
                changes.episodeNumber() != null ? changes.episodeNumber() : before.episodeNumber());
        requireEndAfterStart(fields.startTime(), fields.endTime());
        Programme after;
        try {
            after = programmes.update(id, fields).orElseThrow(ProgrammeNotFoundException::new);
        } catch (DataIntegrityViolationException e) {
            throw programmeConflict(e);
        }
        events.publishEvent(new ScheduleChanged(
                after.channelId(),
                earlier(before.startTime(), after.startTime()),
                later(before.endTime(), after.endTime())));
        return after;
    }

    @Transactional
    void deleteProgramme(UUID id) {
        Programme deleted = programmes.delete(id).orElseThrow(ProgrammeNotFoundException::new);
        events.publishEvent(new ScheduleChanged(deleted.channelId(), deleted.startTime(), deleted.endTime()));
    }

    private static void requireEndAfterStart(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end_time", "must be after start_time");
        }
    }

    /** The one constraint a channel write can break through the API: its number must be free. */
    private static RuntimeException channelConflict(DataIntegrityViolationException e, int channelNumber) {
        return UNIQUE_VIOLATION.equals(sqlState(e)) ? new ChannelNumberTakenException(channelNumber) : e;
    }

    /** An overlap with another programme of the channel (the exclusion constraint), or a channel that is gone. */
    private static RuntimeException programmeConflict(DataIntegrityViolationException e) {
        String state = sqlState(e);
        if (EXCLUSION_VIOLATION.equals(state)) {
            return new ProgrammeOverlapException();
        }
        if (FOREIGN_KEY_VIOLATION.equals(state)) {
            return new InvalidInputException("channel_id", ChannelNotFoundException.DETAIL);
        }
        return e;
    }

    private static String sqlState(DataIntegrityViolationException e) {
        return e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }

    private static String text(String change, String current) {
        if (change == null) {
            return current;
        }
        return change.isEmpty() ? null : change;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
