package io.marquee.catalog.internal;

import io.marquee.identity.AgeRating;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Bodies of the catalog admin API. The same records serve creation (validated with {@link OnCreate} as well, which
 * makes the required fields required) and partial updates (read by {@link PartialBodies}: only the fields present
 * change, {@code null} clears).
 */
final class AdminRequests {

    /** Validation group of the constraints that apply only when creating. */
    interface OnCreate {}

    static final String URL = "^https?://\\S+$";
    static final String URL_MESSAGE = "must be an http(s) URL";
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String RATING = "TV-Y|TV-G|TV-PG|TV-14|TV-MA";

    private AdminRequests() {}

    record TitleRequest(
            @Schema(description = "Required when creating", example = "The Dark Signal")
            @NotNull(groups = OnCreate.class)
            @Size(max = 500)
            @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String title,

            @Schema(
                    description = "Required when creating",
                    allowableValues = {"movie", "series"})
            @NotNull(groups = OnCreate.class)
            @Pattern(regexp = "movie|series", message = "must be one of movie, series")
            String titleType,

            @Size(max = 1000) String synopsisShort,
            @Size(max = 10000) String synopsisLong,

            @Schema(example = "2024") @Min(1888) @Max(2100) Integer releaseYear,

            @Schema(description = "Movies; null for a series", example = "118") @Min(1) @Max(1440)
            Integer durationMinutes,

            @Schema(
                    description = "null: unrated (hidden from every restricted profile)",
                    allowableValues = {"TV-Y", "TV-G", "TV-PG", "TV-14", "TV-MA"})
            @Pattern(regexp = RATING, message = AgeRating.ONE_OF)
            String ageRating,

            @Schema(example = "US") @Pattern(regexp = "[A-Z]{2,3}", message = "must be a country code such as US")
            String countryOfOrigin,

            @Schema(example = "en")
            @Size(max = 10)
            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en or pt-BR")
            String language,

            @Size(max = 500) @Pattern(regexp = URL, message = URL_MESSAGE)
            String posterUrl,

            @Size(max = 500) @Pattern(regexp = URL, message = URL_MESSAGE)
            String landscapeUrl,

            @Size(max = 500) @Pattern(regexp = URL, message = URL_MESSAGE)
            String logoUrl,

            @Size(max = 500) @Pattern(regexp = URL, message = URL_MESSAGE)
            String hlsManifestUrl,

            @Schema(description = "Defaults to false") Boolean isFeatured,

            @Size(max = 20)
            List<@NotNull @Size(max = 50) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String> moodTags,

            @Size(max = 20)
            List<@NotNull @Size(max = 50) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String> themeTags,

            @Size(max = 10000) String aiDescription,

            @Schema(description = "The first is the primary genre; replaces all genres when present") @Size(max = 20)
            List<@NotNull UUID> genreIds,

            @Schema(description = "In billing order; replaces the whole cast when present") @Size(max = 200)
            List<@NotNull @Valid CastMemberRequest> cast) {}

    record CastMemberRequest(
            @Schema(example = "Mara Quinn")
            @NotNull
            @Size(max = 200)
            @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String personName,

            @Schema(allowableValues = {"actor", "director", "writer"})
            @NotNull
            @Pattern(regexp = "actor|director|writer", message = "must be one of actor, director, writer")
            String role,

            @Schema(example = "Agent Vale") @Size(max = 200) String characterName) {}

    record SeasonRequest(
            @Schema(description = "Required when creating", example = "1")
            @NotNull(groups = OnCreate.class)
            @Min(1)
            @Max(1000)
            Integer seasonNumber,

            @Schema(example = "Season 1") @Size(max = 200) String name,
            @Size(max = 10000) String synopsis) {}

    record EpisodeRequest(
            @Schema(description = "Required when creating", example = "1")
            @NotNull(groups = OnCreate.class)
            @Min(1)
            @Max(10000)
            Integer episodeNumber,

            @Schema(description = "Required when creating", example = "Pilot")
            @NotNull(groups = OnCreate.class)
            @Size(max = 500)
            @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String title,

            @Size(max = 10000) String synopsis,
            @Min(1) @Max(1440) Integer durationMinutes,

            @Schema(description = "null: the series' stream plays")
            @Size(max = 500)
            @Pattern(regexp = URL, message = URL_MESSAGE)
            String hlsManifestUrl) {}

    record GenreRequest(
            @Schema(example = "Sci-Fi") @NotBlank @Size(max = 50)
            String name,

            @Schema(description = "Defaults to the name in lower case with dashes", example = "sci-fi")
            @Size(max = 50)
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by dashes")
            String slug) {}
}
