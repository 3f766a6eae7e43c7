package io.marquee.viewing.internal;

import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.errors.ApiException;
import io.marquee.platform.security.ApiSecurityCustomizer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Cross-device sync (SPEC §5): a Server-Sent-Events stream of a profile's bookmark changes and new episodes, opened
 * with the {@code Authorization} header or, for browsers' {@code EventSource}, a single-use ticket (never the access
 * token in a URL).
 */
@RestController
@RequestMapping("/api/v1/viewing/events")
@Tag(name = "Viewing", description = "Heartbeats, continue watching, paused, history, watchlist and ratings")
class SyncController {

    static final String EVENTS_DOC = "`text/event-stream`: each event has `id` (resume with `Last-Event-ID`), `event`"
            + " (its type) and `data` `{id, type, content_id, position_seconds, completed, updated_at}`; types"
            + " `bookmark_updated`, `bookmark_dismissed`, `bookmark_restored`, `bookmark_deleted`, `new_episode`."
            + " A comment every 15 s keeps the connection open; at most 10 open streams per account.";

    /** 401 for a ticket that is unknown, used or expired. */
    static final class InvalidTicketException extends ApiException {
        InvalidTicketException() {
            super(HttpStatus.UNAUTHORIZED, "invalid-ticket", "The ticket is invalid, used or expired");
        }
    }

    record TicketResponse(String ticket, Instant expiresAt) {}

    /** Opens the ticketed stream to callers without a bearer token; the handler checks the ticket. */
    @Configuration(proxyBeanMethods = false)
    static class SyncSecurity {

        @Bean
        ApiSecurityCustomizer viewingEventsTicket() {
            return http -> http.authorizeHttpRequests(rules -> rules.requestMatchers(
                            request -> HttpMethod.GET.matches(request.getMethod())
                                    && "/api/v1/viewing/events".equals(request.getRequestURI())
                                    && request.getParameter("ticket") != null
                                    && request.getHeader("Authorization") == null)
                    .permitAll());
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SyncHub hub;
    private final StringRedisTemplate redis;
    private final SyncSettings settings;
    private final Clock clock;

    SyncController(SyncHub hub, StringRedisTemplate redis, SyncSettings settings, Clock clock) {
        this.hub = hub;
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping(params = "!ticket", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live viewing events of a profile", description = EVENTS_DOC)
    @ApiResponse(responseCode = "200", description = "The stream")
    @ApiResponse(responseCode = "403", description = ViewingController.FOREIGN_PROFILE)
    @ApiResponse(responseCode = "429", description = "The account already has 10 open streams")
    SseEmitter events(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = ViewingController.PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return hub.open(user.id(), user.signInId(), profileId, lastEventId);
    }

    @GetMapping(params = "ticket", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Live viewing events, with a ticket",
            description = "For `EventSource`, which cannot send headers: `?ticket=` from `POST /viewing/events/ticket`,"
                    + " valid once within 60 s, names the account and profile. " + EVENTS_DOC)
    @ApiResponse(responseCode = "200", description = "The stream")
    @ApiResponse(responseCode = "401", description = "The ticket is invalid, used or expired")
    @ApiResponse(responseCode = "403", description = "Never: the ticket names a profile of its account")
    SseEmitter eventsWithTicket(
            @RequestParam("ticket") String ticket,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        if (ticket.length() > 100) {
            throw new InvalidTicketException();
        }
        String owner = redis.opsForValue().getAndDelete(ticketKey(ticket));
        if (owner == null) {
            throw new InvalidTicketException();
        }
        String[] ids = owner.split(":");
        UUID signIn = ids.length > 2 ? UUID.fromString(ids[2]) : null;
        return hub.open(UUID.fromString(ids[0]), signIn, UUID.fromString(ids[1]), lastEventId);
    }

    @PostMapping("/ticket")
    @Operation(
            summary = "A ticket for the event stream",
            description = "Single use, valid 60 s: open `GET /viewing/events?ticket=…` with it from an `EventSource`.")
    @ApiResponse(responseCode = "403", description = ViewingController.FOREIGN_PROFILE)
    TicketResponse ticket(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = ViewingController.PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String owner = user.id() + ":" + profileId + (user.signInId() == null ? "" : ":" + user.signInId());
        redis.opsForValue().set(ticketKey(ticket), owner, settings.ticketTtl());
        return new TicketResponse(ticket, clock.instant().plus(settings.ticketTtl()));
    }

    private String ticketKey(String ticket) {
        return settings.keyPrefix() + "ticket:" + ticket;
    }
}
