package io.marquee.viewing.internal;

import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.ratelimit.RateLimited;
import io.marquee.platform.ratelimit.RateLimited.Per;
import io.marquee.platform.web.Listing;
import io.marquee.platform.web.Page;
import io.marquee.viewing.ViewingItem;
import io.marquee.viewing.internal.ViewingViews.BookmarkView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.NullNode;

/** Bookmarks (the playback heartbeat), continue watching, paused and history (SPEC §5, PoC §2.6). */
@RestController
@RequestMapping("/api/v1/viewing")
@Tag(name = "Viewing", description = "Heartbeats, continue watching, paused, history, watchlist and ratings")
class ViewingController {

    static final String PROFILE_DOC = "One of the caller's profiles";
    static final String FOREIGN_PROFILE = "Profile not found or access denied (a `profile_id` of another account)";
    static final String DEVICES = "tv|mobile|tablet|web";
    static final String DEVICES_MESSAGE = "must be one of tv, mobile, tablet, web";

    /** At most two days: longer content does not exist, and it bounds the arithmetic. */
    static final int MAX_DURATION_SECONDS = 172_800;

    record HeartbeatRequest(
            @Schema(allowableValues = {"movie", "episode"})
            @NotNull
            @Pattern(regexp = "movie|episode", message = "must be one of movie, episode")
            String contentType,

            @Schema(description = "A movie's title id or an episode id") @NotNull
            UUID contentId,

            @Schema(description = "Seconds from the start; more than `duration_seconds` is taken as the end")
            @NotNull
            @Min(0)
            Integer positionSeconds,

            @NotNull @Min(1) @Max(MAX_DURATION_SECONDS) Integer durationSeconds,

            @Schema(
                    allowableValues = {"tv", "mobile", "tablet", "web"},
                    nullable = true)
            @Pattern(regexp = DEVICES, message = DEVICES_MESSAGE)
            String deviceType,

            @Schema(
                    description = "The client's clock when the position was read (replays of an offline"
                            + " queue send it): a heartbeat older than the stored one changes nothing. At most"
                            + " 5 minutes ahead of the server; default: now",
                    nullable = true)
            Instant recordedAt) {}

    private final Bookmarks bookmarks;

    ViewingController(Bookmarks bookmarks) {
        this.bookmarks = bookmarks;
    }

    @PutMapping("/bookmarks")
    @RateLimited(value = "heartbeat", per = Per.PARAMETER, parameter = "profile_id")
    @Operation(
            summary = "Playback heartbeat",
            description = "Send every 30 s while playing, and on pause or exit. Creates or updates the profile's"
                    + " bookmark of the movie or episode: the position is clamped to the duration; `completed` is"
                    + " `position ≥ 95 % of duration`, or fewer than 120 s left of content longer than 10 minutes, and"
                    + " is re-evaluated every time (seeking back un-completes). A newer heartbeat refreshes"
                    + " `updated_at` and brings a dismissed bookmark back into continue watching; a heartbeat whose"
                    + " `recorded_at` is older than the stored one is answered with the stored bookmark and changes"
                    + " nothing. A 200 means the bookmark is saved. Limited to 10 per minute per profile.")
    @ApiResponse(responseCode = "200", description = "The bookmark as stored")
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    @ApiResponse(responseCode = "404", description = "Content not found")
    BookmarkView heartbeat(
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id") UUID profileId,
            @Valid @RequestBody HeartbeatRequest request) {
        return bookmarks.heartbeat(new Bookmarks.HeartbeatCommand(
                profileId,
                request.contentType(),
                request.contentId(),
                request.positionSeconds(),
                request.durationSeconds(),
                request.deviceType(),
                request.recordedAt()));
    }

    @GetMapping("/bookmarks/by-content/{content_id}")
    @Operation(
            summary = "The profile's bookmark of a movie or episode",
            description = "In any state (completed, dismissed or stale), for a resume prompt; `null` when there is"
                    + " none.")
    @ApiResponse(
            responseCode = "200",
            description = "The bookmark, or `null`",
            content = @Content(schema = @Schema(implementation = BookmarkView.class, nullable = true)))
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    ResponseEntity<Object> byContent(
            @PathVariable("content_id") UUID contentId,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id") UUID profileId) {
        return jsonOrNull(bookmarks.byContent(profileId, contentId).orElse(null));
    }

    @PostMapping("/bookmarks/{bookmark_id}/dismiss")
    @Operation(
            summary = "Remove from continue watching",
            description = "Moves the bookmark to paused until it is restored or played again.")
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    @ApiResponse(responseCode = "404", description = "No such bookmark of this profile")
    BookmarkView dismiss(
            @PathVariable("bookmark_id") UUID bookmarkId,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id") UUID profileId) {
        return bookmarks.dismiss(profileId, bookmarkId);
    }

    @PostMapping("/bookmarks/{bookmark_id}/restore")
    @Operation(
            summary = "Back into continue watching",
            description = "Clears a dismissal and refreshes `updated_at`, so a stale bookmark (untouched for 30 days)"
                    + " comes back too.")
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    @ApiResponse(responseCode = "404", description = "No such bookmark of this profile")
    BookmarkView restore(
            @PathVariable("bookmark_id") UUID bookmarkId,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id") UUID profileId) {
        return bookmarks.restore(profileId, bookmarkId);
    }

    @GetMapping("/continue-watching")
    @Operation(
            summary = "Continue watching",
            description = "The `limit` titles watched most recently and not finished (a series once, with its latest"
                    + " episode and the `next_episode` after it), not dismissed and touched within 30 days, within"
                    + " the profile's parental rating; ordered by `resumption_score` (recency, progress near the"
                    + " middle, series momentum and, with `hour_of_day`, how the time left suits the device then).")
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    Listing<ViewingItem> continueWatching(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id") UUID profileId,
            @Parameter(description = "The client's device: `tv`, `mobile`, `tablet` or `web`")
                    @RequestParam(name = "device_type", defaultValue = "web")
                    @Pattern(regexp = DEVICES, message = DEVICES_MESSAGE)
                    String deviceType,
            @Parameter(description = "The client's local hour, 0..23 (optional)")
                    @RequestParam(name = "hour_of_day", required = false)
                    @Min(0)
                    @Max(23)
                    Integer hourOfDay,
            @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(20) int limit) {
        return bookmarks.continueWatching(
                user.id(),
                profileId,
                ResumptionScoring.Device.valueOf(deviceType.toUpperCase(Locale.ROOT)),
                hourOfDay,
                limit);
    }

    @GetMapping("/continue-watching/paused")
    @Operation(
            summary = "Paused",
            description = "Titles whose latest unfinished bookmark was dismissed or is untouched for 30 days, most"
                    + " recently paused first, within the profile's parental rating. Restore brings one back.")
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    Listing<ViewingItem> paused(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id") UUID profileId) {
        return bookmarks.paused(user.id(), profileId);
    }

    @GetMapping("/history")
    @Operation(
            summary = "Viewing history",
            description = "Every movie and episode the profile finished or started, newest first, within its"
                    + " parental rating.")
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    Page<ViewingItem> history(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id") UUID profileId,
            @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(Page.MAX_PAGE_SIZE) int pageSize) {
        return bookmarks.history(user.id(), profileId, page, pageSize);
    }

    @DeleteMapping("/history/{content_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Forget from history",
            description = "Deletes the profile's bookmark of a movie or episode, or, given a series id, of every"
                    + " episode of the series. Idempotent.")
    @ApiResponse(responseCode = "204", description = "Not in the history any more")
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    void deleteHistory(
            @PathVariable("content_id") UUID contentId,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id") UUID profileId) {
        bookmarks.deleteHistory(profileId, contentId);
    }

    /** A JSON body that is {@code null} when there is nothing (the PoC's contract for these look-ups). */
    static ResponseEntity<Object> jsonOrNull(Object body) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? NullNode.getInstance() : body);
    }
}
