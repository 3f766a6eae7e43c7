package io.marquee.viewing.internal;

import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.errors.InvalidInputException;
import io.marquee.platform.web.Listing;
import io.marquee.viewing.internal.ViewingViews.Detail;
import io.marquee.viewing.internal.ViewingViews.RatingView;
import io.marquee.viewing.internal.ViewingViews.WatchlistItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A profile's watchlist and thumbs ratings (PoC §2.6 #7–11, SPEC §5). */
@RestController
@RequestMapping("/api/v1/viewing")
@Tag(name = "Viewing", description = "Heartbeats, continue watching, paused, history, watchlist and ratings")
class LibraryController {

    static final String RATING_DOC = "1 (thumbs up) or -1 (thumbs down)";

    record RateRequest(
            @NotNull UUID titleId,
            @Schema(description = RATING_DOC) @NotNull Integer rating) {}

    record RatingValue(
            @Schema(description = RATING_DOC) @NotNull Integer rating) {}

    private final Library library;

    LibraryController(Library library) {
        this.library = library;
    }

    @GetMapping("/watchlist")
    @Operation(
            summary = "The profile's watchlist",
            description = "Most recently added first, within the profile's parental rating.")
    @ApiResponse(responseCode = "403", description = ViewingController.FOREIGN_PROFILE)
    Listing<WatchlistItem> watchlist(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = ViewingController.PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId) {
        return library.watchlist(user.id(), profileId);
    }

    @PostMapping("/watchlist/{title_id}")
    @Operation(
            summary = "Add to the watchlist",
            description = "A movie or a series. 201 when added, 200 when it was there already (nothing changes).")
    @ApiResponse(responseCode = "201", description = "`{\"detail\":\"Added to watchlist\"}`")
    @ApiResponse(responseCode = "200", description = "`{\"detail\":\"Already in watchlist\"}`")
    @ApiResponse(responseCode = "403", description = ViewingController.FOREIGN_PROFILE)
    @ApiResponse(responseCode = "404", description = "Title not found")
    ResponseEntity<Detail> addToWatchlist(
            @PathVariable("title_id") UUID titleId,
            @Parameter(description = ViewingController.PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId) {
        return library.addToWatchlist(profileId, titleId)
                ? ResponseEntity.status(HttpStatus.CREATED).body(new Detail("Added to watchlist"))
                : ResponseEntity.ok(new Detail("Already in watchlist"));
    }

    @DeleteMapping("/watchlist/{title_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove from the watchlist", description = "Idempotent.")
    @ApiResponse(responseCode = "204", description = "Not in the watchlist any more")
    @ApiResponse(responseCode = "403", description = ViewingController.FOREIGN_PROFILE)
    void removeFromWatchlist(
            @PathVariable("title_id") UUID titleId,
            @Parameter(description = ViewingController.PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId) {
        library.removeFromWatchlist(profileId, titleId);
    }

    @GetMapping("/ratings/{title_id}")
    @Operation(summary = "The profile's rating of a title", description = "`null` when it has not rated the title.")
    @ApiResponse(
            responseCode = "200",
            description = "The rating, or `null`",
            content = @Content(schema = @Schema(implementation = RatingView.class, nullable = true)))
    @ApiResponse(responseCode = "403", description = ViewingController.FOREIGN_PROFILE)
    ResponseEntity<Object> rating(
            @PathVariable("title_id") UUID titleId,
            @Parameter(description = ViewingController.PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId) {
        return ViewingController.jsonOrNull(library.rating(profileId, titleId).orElse(null));
    }

    @PostMapping("/ratings")
    @Operation(
            summary = "Rate a title",
            description = "Thumbs up (1) or down (-1) for a movie or series; rating again replaces the rating"
                    + " (`created_at` stays). The PoC's form of `PUT /ratings/{title_id}`.")
    @ApiResponse(responseCode = "403", description = ViewingController.FOREIGN_PROFILE)
    @ApiResponse(responseCode = "404", description = "Title not found")
    RatingView rate(
            @Parameter(description = ViewingController.PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId,
            @Valid @RequestBody RateRequest request) {
        return library.rate(profileId, request.titleId(), thumbs(request.rating()));
    }

    @PutMapping("/ratings/{title_id}")
    @Operation(
            summary = "Set the rating of a title",
            description = "Thumbs up (1) or down (-1) for a movie or series; idempotent (`created_at` stays).")
    @ApiResponse(responseCode = "403", description = ViewingController.FOREIGN_PROFILE)
    @ApiResponse(responseCode = "404", description = "Title not found")
    RatingView setRating(
            @PathVariable("title_id") UUID titleId,
            @Parameter(description = ViewingController.PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId,
            @Valid @RequestBody RatingValue request) {
        return library.rate(profileId, titleId, thumbs(request.rating()));
    }

    @DeleteMapping("/ratings/{title_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Clear the rating of a title", description = "Idempotent.")
    @ApiResponse(responseCode = "204", description = "The title is not rated any more")
    @ApiResponse(responseCode = "403", description = ViewingController.FOREIGN_PROFILE)
    void clearRating(
            @PathVariable("title_id") UUID titleId,
            @Parameter(description = ViewingController.PROFILE_DOC) @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId) {
        library.clearRating(profileId, titleId);
    }

    private static int thumbs(int rating) {
        if (rating != 1 && rating != -1) {
            throw new InvalidInputException("rating", "must be -1 or 1");
        }
        return rating;
    }
}
