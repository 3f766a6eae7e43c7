package io.marquee.epg.internal;

import io.marquee.epg.internal.Guide.ChannelView;
import io.marquee.epg.internal.Guide.GridRowView;
import io.marquee.epg.internal.Guide.NowPlayingView;
import io.marquee.epg.internal.Guide.ProgrammeView;
import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.ratelimit.RateLimited;
import io.marquee.platform.web.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/epg")
@Tag(name = "Live TV guide", description = "Channels, the programme guide, now/next, guide search and favourites")
@ApiResponse(responseCode = "403", description = "Profile not found or access denied")
class EpgController {

    static final int MAX_GRID_CHANNELS = 50;
    private static final String PROFILE_DOC = "A profile of the caller: marks its favourite channels and masks"
            + " programmes above its parental rating (`restricted: true`, title \"Restricted\", no synopsis)";
    private static final String DATE_DOC = "The day in `tz`, `YYYY-MM-DD`; defaults to today there";
    private static final String TZ_DOC = "IANA time zone of the day, e.g. `Europe/Berlin`; defaults to `UTC`";

    private final Guide guide;
    private final Clock clock;

    EpgController(Guide guide, Clock clock) {
        this.guide = guide;
        this.clock = clock;
    }

    @GetMapping("/channels")
    @Operation(
            summary = "List the channels",
            description = "Every channel by number; with `profile_id`, that profile's favourites come first."
                    + " `entitled` tells whether the caller's packages include the channel; `hls_live_url` is"
                    + " given only then.")
    Listing<ChannelView> channels(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return guide.channels(user.id(), profileId);
    }

    @GetMapping("/schedule/{channel_id}")
    @Operation(
            summary = "A channel's programmes of one day",
            description = "Every programme overlapping the day (local midnight to midnight in `tz`), by start time,"
                    + " so a programme that crosses midnight is listed on both days.")
    @ApiResponse(responseCode = "404", description = "Channel not found")
    Listing<ProgrammeView> schedule(
            @PathVariable("channel_id") UUID channelId,
            @Parameter(description = DATE_DOC)
                    @RequestParam(name = "date", required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @Parameter(description = TZ_DOC) @RequestParam(name = "tz", required = false) String tz,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return guide.schedule(channelId, GuideDay.of(date, tz, clock), profileId);
    }

    @GetMapping("/schedule")
    @Operation(
            summary = "The guide grid: several channels' programmes of one day",
            description = "One entry per channel found among `channel_ids` (unknown ids are left out), ordered like"
                    + " the channel list, each with its programmes overlapping the day in `tz`. At most "
                    + MAX_GRID_CHANNELS + " channels per call.")
    Listing<GridRowView> grid(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = "Comma-separated channel ids")
                    @RequestParam("channel_ids")
                    @NotEmpty
                    @Size(max = MAX_GRID_CHANNELS)
                    List<UUID> channelIds,
            @Parameter(description = DATE_DOC)
                    @RequestParam(name = "date", required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @Parameter(description = TZ_DOC) @RequestParam(name = "tz", required = false) String tz,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return guide.grid(user.id(), channelIds, GuideDay.of(date, tz, clock), profileId);
    }

    @GetMapping("/now")
    @Operation(
            summary = "What is on now, and next",
            description = "Every channel with a programme on air, by channel number, with its current programme and"
                    + " the one after it (`next_program` is null when nothing follows within 24 hours).")
    Listing<NowPlayingView> now(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return guide.now(user.id(), profileId);
    }

    @GetMapping("/search")
    @RateLimited("search")
    @Operation(
            summary = "Search the guide by programme title",
            description = "Programmes whose title contains `q` (case-insensitive; every character, `%` and `_`"
                    + " included, is matched literally): those on air or still to come first, soonest first, then"
                    + " past ones, latest first; at most " + Guide.SEARCH_LIMIT + ". With `profile_id`, programmes"
                    + " above the profile's rating are left out.")
    Listing<ProgrammeView> search(
            @Parameter(description = "Part of the title") @RequestParam("q") @NotBlank @Size(max = 200) String q,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return guide.search(q, profileId);
    }

    @PostMapping("/favorites/{channel_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add a favourite channel", description = "Idempotent: adding it again changes nothing.")
    @ApiResponse(responseCode = "204", description = "The channel is a favourite of the profile")
    @ApiResponse(responseCode = "404", description = "Channel not found")
    void addFavourite(
            @PathVariable("channel_id") UUID channelId, @VerifiedProfile @RequestParam("profile_id") UUID profileId) {
        guide.addFavourite(profileId, channelId);
    }

    @DeleteMapping("/favorites/{channel_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a favourite channel", description = "Idempotent: removing it again changes nothing.")
    @ApiResponse(responseCode = "204", description = "The channel is not a favourite of the profile")
    void removeFavourite(
            @PathVariable("channel_id") UUID channelId, @VerifiedProfile @RequestParam("profile_id") UUID profileId) {
        guide.removeFavourite(profileId, channelId);
    }
}
