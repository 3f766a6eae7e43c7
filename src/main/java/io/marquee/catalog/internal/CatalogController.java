package io.marquee.catalog.internal;

import io.marquee.catalog.TitleCard;
import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.ParentalControls;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.ratelimit.RateLimited;
import io.marquee.platform.web.Listing;
import io.marquee.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog", description = "Titles, seasons, episodes, genres and keyword search")
class CatalogController {

    static final String PROFILE_DOC = "A profile of the caller: applies its parental filter (unrated titles are hidden"
            + " from every rating below TV-MA)";
    static final String Q_DOC = "Keywords: words, \"a phrase\", `or`, `-exclude`; typos and partial words of the title"
            + " match too. Every character is taken literally (no wildcards).";
    static final String FOREIGN_PROFILE = "Profile not found or access denied (a `profile_id` of another account)";
    static final String RESTRICTED_OR_FOREIGN =
            "Content not available for this profile (its parental rating), or" + " profile not found or access denied";
    static final String ENTITLED_DOC = " Every item carries `entitled` (the caller may play it now); `hls_manifest_url`"
            + " is shown only when entitled.";

    private final CatalogBrowsing browsing;
    private final ParentalControls parental;

    CatalogController(CatalogBrowsing browsing, ParentalControls parental) {
        this.browsing = browsing;
        this.parental = parental;
    }

    @GetMapping("/titles")
    @Operation(
            summary = "Browse titles",
            description = "Filters combine with AND. Ordered by title then id, or by keyword rank when `q` is given."
                    + ENTITLED_DOC)
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    Page<TitleCard> titles(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = "A genre slug, e.g. `sci-fi`")
                    @RequestParam(name = "genre", required = false)
                    @Size(max = 50)
                    String genre,
            @Parameter(description = "`movie` or `series`")
                    @RequestParam(name = "type", required = false)
                    @Pattern(regexp = "movie|series", message = "must be one of movie, series")
                    String type,
            @Parameter(description = Q_DOC) @RequestParam(name = "q", required = false) @Size(max = 200) String q,
            @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(Page.MAX_PAGE_SIZE) int pageSize,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return browsing.titles(
                user.id(),
                new CatalogBrowsing.Browse(genre, type, q, Parental.limitOf(parental, profileId)),
                page,
                pageSize);
    }

    @GetMapping("/search")
    @RateLimited("search")
    @Operation(
            summary = "Search titles by keyword",
            description = "The catalog's keyword predicate over titles, cast names and synopses, best match first."
                    + ENTITLED_DOC)
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    Page<TitleCard> search(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = Q_DOC, required = true)
                    @RequestParam(name = "q")
                    @Size(min = 1, max = 200)
                    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                    String q,
            @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(Page.MAX_PAGE_SIZE) int pageSize,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return browsing.titles(
                user.id(),
                new CatalogBrowsing.Browse(null, null, q, Parental.limitOf(parental, profileId)),
                page,
                pageSize);
    }

    @GetMapping("/titles/{title_id}")
    @Operation(
            summary = "A title with its cast, seasons and episodes",
            description = "Cast by billing order, seasons and their episodes by number. `entitled` tells whether the"
                    + " caller may play the title (a series: its episodes); manifest URLs are shown only then.")
    @ApiResponse(responseCode = "404", description = "Title not found")
    @ApiResponse(responseCode = "403", description = RESTRICTED_OR_FOREIGN)
    CatalogBrowsing.TitleDetailView title(
            @AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("title_id") UUID titleId,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return browsing.title(user.id(), titleId, Parental.limitOf(parental, profileId));
    }

    @GetMapping("/episodes/{episode_id}")
    @Operation(
            summary = "An episode with its series, season and neighbours",
            description = "`previous_episode` and `next_episode` follow (season number, episode number) across season"
                    + " boundaries and are null at either end. Rated and entitled through its series.")
    @ApiResponse(responseCode = "404", description = "Episode not found")
    @ApiResponse(responseCode = "403", description = RESTRICTED_OR_FOREIGN)
    CatalogBrowsing.EpisodeDetailView episode(
            @AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("episode_id") UUID episodeId,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return browsing.episode(user.id(), episodeId, Parental.limitOf(parental, profileId));
    }

    @GetMapping("/genres")
    @Operation(summary = "All genres", description = "By name. Cached for an hour; admin changes show at once.")
    Listing<CatalogReads.Genre> genres() {
        return browsing.genres();
    }

    @GetMapping("/featured")
    @Operation(
            summary = "Featured titles",
            description = "Newest first, at most `marquee.catalog.featured-limit` (100). Cached for 5 minutes per"
                    + " parental rating; admin changes show at once." + ENTITLED_DOC)
    @ApiResponse(responseCode = "403", description = FOREIGN_PROFILE)
    Listing<TitleCard> featured(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = PROFILE_DOC) @VerifiedProfile @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        return browsing.featured(user.id(), Parental.limitOf(parental, profileId));
    }
}
