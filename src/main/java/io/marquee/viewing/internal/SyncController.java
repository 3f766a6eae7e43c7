package io.marquee.viewing.internal;

import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.errors.ApiException;
import io.marquee.platform.errors.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/viewing/events")
@Tag(name = "Sync", description = "Live viewing events of a profile across its devices (Server-Sent Events)")
class SyncController {

    record TicketResponse(String ticket, Instant expiresAt) {}

    static final class TooManyStreamsException extends ApiException {
        TooManyStreamsException(int limit) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-streams",
                    "This account already has " + limit + " open event streams; close one first");
        }
    }

    private final ProfileSync sync;
    private final SyncTickets tickets;
    private final SyncSettings settings;
    private final Clock clock;

    SyncController(ProfileSync sync, SyncTickets tickets, SyncSettings settings, Clock clock) {
        this.sync = sync;
        this.tickets = tickets;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Follow a profile's viewing live",
            description = "A Server-Sent-Events stream of the profile's viewing changes made on any device: events"
                    + " `{id, type, content_id, position_seconds, completed, updated_at}` (types progress,"
                    + " completed, dismissed, restored, deleted, new_episode), keep-alive comments every 15 s."
                    + " Authenticate with the `Authorization` header, or — for browsers' EventSource, which cannot"
                    + " send headers — with `ticket` from `POST /viewing/events/ticket`. Send `Last-Event-ID` to"
                    + " receive what was missed (the last 100 events of the last 24 h). At most 10 open streams"
                    + " per account; signing out closes them.")
    @ApiResponse(responseCode = "200", description = "The event stream")
    @ApiResponse(responseCode = "403", description = "Profile not found or access denied")
    @ApiResponse(responseCode = "429", description = "The account already has 10 open event streams")
    SseEmitter events(
            @AuthenticationPrincipal AuthenticatedUser user,
            @VerifiedProfile @RequestParam("profile_id") UUID profileId,
            @Parameter(description = "A single-use ticket, instead of the Authorization header")
                    @RequestParam(name = "ticket", required = false)
                    String ticket,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletRequest request) {
        Object ticketProfile = request.getAttribute(SyncTickets.PROFILE_ATTRIBUTE);
        if (ticketProfile != null && !ticketProfile.equals(profileId)) {
            throw new ForbiddenException("This ticket is for another profile");
        }
        String resumeFrom = lastEventId != null && lastEventId.matches("\\d{1,20}-\\d{1,20}") ? lastEventId : null;
        return sync.open(user.id(), profileId, resumeFrom)
                .orElseThrow(() -> new TooManyStreamsException(settings.maxStreamsPerUser()));
    }

    @PostMapping("/ticket")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "A single-use ticket for one event stream",
            description = "Valid for 60 s and one connection, for the given profile: "
                    + "`new EventSource('/api/v1/viewing/events?profile_id=…&ticket=…')`.")
    @ApiResponse(responseCode = "201", description = "The ticket")
    @ApiResponse(responseCode = "403", description = "Profile not found or access denied")
    TicketResponse ticket(
            @AuthenticationPrincipal AuthenticatedUser user,
            @VerifiedProfile @RequestParam("profile_id") UUID profileId) {
        return new TicketResponse(
                tickets.issue(user.id(), profileId), clock.instant().plus(settings.ticketTtl()));
    }
}
