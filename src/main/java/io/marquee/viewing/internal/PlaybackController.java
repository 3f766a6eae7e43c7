package io.marquee.viewing.internal;

import io.marquee.entitlement.AccessOption;
import io.marquee.entitlement.ContentKind;
import io.marquee.entitlement.PlayableContent;
import io.marquee.entitlement.PlayableContentResolver;
import io.marquee.entitlement.PlaybackSessions;
import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.errors.ApiException;
import io.marquee.platform.errors.ConflictException;
import io.marquee.platform.errors.InvalidInputException;
import io.marquee.platform.errors.NotFoundException;
import io.marquee.platform.ratelimit.RateLimited;
import io.marquee.platform.ratelimit.RateLimited.Per;
import io.marquee.platform.web.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playback: a stream starts only when the account is entitled to the content and below its concurrent-stream limit
 * (SPEC §4). The catalog and the guide resolve what is played; the entitlement module decides and keeps sessions.
 */
@RestController
@RequestMapping("/api/v1/viewing/sessions")
@Tag(name = "Playback", description = "Start, keep alive and stop streams; enforces entitlements and stream limits")
class PlaybackController {

    record StartRequest(
            @Schema(allowableValues = {"movie", "episode", "channel"}) @NotNull
            ContentKind contentType,

            @NotNull UUID contentId,
            @NotNull @VerifiedProfile UUID profileId) {}

    record SessionResponse(
            UUID sessionId,
            UUID profileId,
            ContentKind contentType,
            UUID contentId,
            Instant startedAt,
            Instant lastHeartbeatAt,

            @Schema(description = "When the session stops counting unless a heartbeat arrives")
            Instant expiresAt) {
        static SessionResponse of(PlaybackSessions.Session session) {
            return new SessionResponse(
                    session.sessionId(),
                    session.profileId(),
                    session.contentType(),
                    session.contentId(),
                    session.startedAt(),
                    session.lastHeartbeatAt(),
                    session.expiresAt());
        }
    }

    record StartedResponse(UUID sessionId, String manifestUrl, Instant expiresAt) {}

    /** 403 naming the packages that would grant the content. */
    static final class NotEntitledException extends ApiException {

        private final List<AccessOption> options;

        NotEntitledException(List<AccessOption> options) {
            super(HttpStatus.FORBIDDEN, "not-entitled", "Your subscription does not include this content");
            this.options = options;
        }

        @Override
        public Map<String, Object> extensions() {
            return Map.of("access_options", options);
        }
    }

    /** 429 listing the account's streams, so the client can offer to stop one. */
    static final class StreamLimitException extends ApiException {

        private final List<SessionResponse> active;

        StreamLimitException(int limit, List<SessionResponse> active) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "stream-limit",
                    "Your plan allows " + limit + " stream" + (limit == 1 ? "" : "s") + " at a time");
            this.active = active;
        }

        @Override
        public Map<String, Object> extensions() {
            return Map.of("active_sessions", active);
        }
    }

    private final PlaybackSessions sessions;
    private final Map<ContentKind, PlayableContentResolver> resolvers = new EnumMap<>(ContentKind.class);

    PlaybackController(PlaybackSessions sessions, List<PlayableContentResolver> resolvers) {
        this.sessions = sessions;
        resolvers.forEach(resolver -> resolver.kinds().forEach(kind -> this.resolvers.put(kind, resolver)));
    }

    @PostMapping
    @Operation(
            summary = "Start watching",
            description = "Opens a playback session and returns the stream's manifest. The session counts against"
                    + " the account's concurrent-stream limit until it is stopped or misses heartbeats for 2"
                    + " minutes.")
    @ApiResponse(responseCode = "201", description = "Started")
    @ApiResponse(
            responseCode = "403",
            description = "Not entitled (`access_options` lists packages that include it), or a foreign profile")
    @ApiResponse(responseCode = "404", description = "Content not found")
    @ApiResponse(responseCode = "409", description = "The content has no stream yet")
    @ApiResponse(
            responseCode = "429",
            description = "The account already runs its limit of streams (`active_sessions` lists them)")
    ResponseEntity<StartedResponse> start(
            @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody StartRequest request) {
        PlayableContentResolver resolver = resolvers.get(request.contentType());
        if (resolver == null) {
            throw new InvalidInputException("content_type", "cannot be played on this server");
        }
        PlayableContent content = resolver.resolve(request.contentType(), request.contentId())
                .orElseThrow(() -> new NotFoundException("Content not found"));
        if (content.manifestUrl() == null) {
            throw new ConflictException("This content has no stream yet");
        }
        PlaybackSessions.Start outcome = sessions.start(user.id(), request.profileId(), content);
        if (outcome instanceof PlaybackSessions.NotEntitled refused) {
            throw new NotEntitledException(refused.accessOptions());
        }
        if (outcome instanceof PlaybackSessions.StreamLimitReached full) {
            throw new StreamLimitException(
                    full.streamLimit(),
                    full.activeSessions().stream().map(SessionResponse::of).toList());
        }
        PlaybackSessions.Started started = (PlaybackSessions.Started) outcome;
        UUID sessionId = started.session().sessionId();
        return ResponseEntity.created(URI.create("/api/v1/viewing/sessions/" + sessionId))
                .body(new StartedResponse(
                        sessionId, started.manifestUrl(), started.session().expiresAt()));
    }

    @PutMapping("/{session_id}/heartbeat")
    @RateLimited(value = "session-heartbeat", per = Per.PARAMETER, parameter = "session_id")
    @Operation(summary = "Keep a session alive", description = "Send every 30 s while playing.")
    @ApiResponse(responseCode = "404", description = "No such live session of this account")
    SessionResponse heartbeat(
            @AuthenticationPrincipal AuthenticatedUser user, @PathVariable("session_id") UUID sessionId) {
        return sessions.heartbeat(user.id(), sessionId)
                .map(SessionResponse::of)
                .orElseThrow(() -> new NotFoundException("Playback session not found or expired"));
    }

    @DeleteMapping("/{session_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop watching", description = "Frees the stream at once.")
    @ApiResponse(responseCode = "204", description = "Stopped")
    @ApiResponse(responseCode = "404", description = "No such live session of this account")
    void stop(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("session_id") UUID sessionId) {
        if (!sessions.end(user.id(), sessionId)) {
            throw new NotFoundException("Playback session not found or expired");
        }
    }

    @GetMapping
    @Operation(summary = "The account's live sessions", description = "Every device of the account, oldest first.")
    Listing<SessionResponse> live(@AuthenticationPrincipal AuthenticatedUser user) {
        return Listing.of(
                sessions.live(user.id()).stream().map(SessionResponse::of).toList());
    }
}
