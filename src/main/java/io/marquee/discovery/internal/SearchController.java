package io.marquee.discovery.internal;

import io.marquee.identity.AgeRating;
import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.ParentalControls;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.ratelimit.RateLimited;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalog") // a catalog route, documented with the others
class SearchController {

    private final DiscoverySearch search;
    private final ParentalControls parental;

    SearchController(DiscoverySearch search, ParentalControls parental) {
        this.search = search;
        this.parental = parental;
    }

    @GetMapping("/api/v1/catalog/search/semantic")
    @RateLimited("search")
    @Operation(
            summary = "Search titles by keyword, by meaning, or both",
            description = "`keyword`: the catalog's keyword predicate, best match first. `semantic`: titles whose"
                    + " embedding (all-MiniLM-L6-v2 over title, synopses, genres, cast, mood and theme tags and"
                    + " description) is nearest to the query's, with cosine similarity at least 0.2. `hybrid`"
                    + " (default): both lists fused by Reciprocal Rank Fusion (k = 60). Queries shorter than 3"
                    + " characters, a missing model, or no embeddings yet run as `keyword`; `mode` is the mode that"
                    + " ran and `fallback_reason` says why it differs. Each item is a title list item plus"
                    + " `match_reason`, `match_type` (`keyword`, `semantic`, `both`) and `similarity_score` (null"
                    + " without a semantic match); `total` is the number of items; no pagination.")
    @ApiResponse(responseCode = "403", description = "Profile not found or access denied")
    DiscoverySearch.SearchResponse semantic(
            @AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(
                            description = "What to look for: words, a title (typos are tolerated), a name, a mood",
                            required = true)
                    @RequestParam(name = "q")
                    @Size(min = 1, max = 200)
                    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                    String q,
            @Parameter(description = "`keyword`, `semantic` or `hybrid`")
                    @RequestParam(name = "mode", defaultValue = "hybrid")
                    @Pattern(regexp = "keyword|semantic|hybrid", message = "must be one of keyword, semantic, hybrid")
                    String mode,
            @Parameter(description = "At most this many results")
                    @RequestParam(name = "page_size", defaultValue = "20")
                    @Min(1)
                    @Max(100)
                    int pageSize,
            @Parameter(description = "A profile of the caller: applies its parental filter")
                    @VerifiedProfile
                    @RequestParam(name = "profile_id", required = false)
                    UUID profileId) {
        AgeRating limit = profileId == null ? AgeRating.TV_MA : parental.ratingOf(profileId);
        return search.search(user.id(), q, DiscoverySearch.Mode.valueOf(mode), pageSize, limit);
    }
}
