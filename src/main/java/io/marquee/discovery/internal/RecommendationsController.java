package io.marquee.discovery.internal;

import io.marquee.discovery.internal.RecommendationViews.HomeResponse;
import io.marquee.discovery.internal.RecommendationViews.RailItem;
import io.marquee.identity.AgeRating;
import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.ParentalControls;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.web.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recommendations")
@Tag(name = "Recommendations")
class RecommendationsController {

    private static final String FOREIGN_PROFILE =
            "Profile not found or access denied (a `profile_id` of another account)";

    private final HomeRails home;
    private final SimilarTitles similar;
    private final ParentalControls parental;

    RecommendationsController(HomeRails home, SimilarTitles similar, ParentalControls parental) {
        this.home = home;
        this.similar = similar;
        this.parental = parental;
    }

    @GetMapping("/home")
    @Operation(
            summary = "Home rails",
            description = "The profile's rails, in order, each left out when empty and holding at most 20 items, all"
                    + " within its parental rating: `continue_watching` (the items of"
                    + " `GET /viewing/continue-watching`); `for_you` (titles nearest to the mean embedding of what the"
                    + " profile watched, listed or rated thumbs up — thumbs up counting twice, thumbs down not at all"
                    + " — leaving out everything it has already watched, rated or listed) or, while it has no such"
                    + " taste, `popular_now` (most-watched titles, then newest); `watchlist` (\"My List\");"
                    + " `new_releases`; `trending` (viewers of the last 30 days, each weighing exp(−age / 7 days));"
                    + " `genre` (\"Top in <genre>\": the newest titles of the genre the profile watched most)."
                    + " Episodes count for their series. Cached per profile for 120 s; the profile's own viewing"
                    + " (heartbeats, dismissals, ratings, list) refreshes it at once.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = HomeResponse.class)))
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    ResponseEntity<String> home(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = "One of the caller's profiles") @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId) {
        AgeRating limit = parental.ratingOf(profileId);
        HomeRails.CachedHome rails = home.cached(user.id(), profileId, limit);
        if (!rails.ageRating().equals(limit.label())) {
            rails = home.recompute(user.id(), profileId, limit);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rails.json());
    }

    @GetMapping("/similar/{title_id}")
    @Operation(
            summary = "More like this",
            description = "The titles whose embeddings are nearest to this movie's or series' (cosine similarity in"
                    + " `similarity_score`), without the title itself; empty while the title has no embedding.")
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    @ApiResponse(responseCode = "404", description = "No movie or series with this id")
    Listing<RailItem> similar(
            @AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("title_id") UUID titleId,
            @RequestParam(name = "limit", defaultValue = "12") @Min(1) @Max(50) int limit,
            @Parameter(description = "A profile of the caller: applies its parental filter")
                    @VerifiedProfile
                    @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        AgeRating rating = profileId == null ? AgeRating.TV_MA : parental.ratingOf(profileId);
        return Listing.of(similar.similar(user.id(), titleId, rating, limit));
    }

    @GetMapping("/post-play/{title_id}")
    @Operation(
            summary = "Up next, after playback",
            description = "What to offer when playback of a movie, an episode or a series (`title_id` is any of them)"
                    + " ends. First, for an episode, its series with `next_episode` set to the next episode the profile"
                    + " has not finished (across seasons); for a series, the episode it watched last, or the one after"
                    + " when that is finished. Then the titles most similar to the movie or series.")
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    @ApiResponse(responseCode = "404", description = "No movie, series or episode with this id")
    Listing<RailItem> postPlay(
            @AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("title_id") UUID contentId,
            @Parameter(description = "One of the caller's profiles") @VerifiedProfile @RequestParam("profile_id")
                    UUID profileId,
            @RequestParam(name = "limit", defaultValue = "8") @Min(1) @Max(20) int limit) {
        return Listing.of(similar.postPlay(user.id(), profileId, contentId, parental.ratingOf(profileId), limit));
    }
}
