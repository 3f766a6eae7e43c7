package io.marquee.catalog.internal;

import io.marquee.catalog.internal.AdminRequests.EpisodeRequest;
import io.marquee.catalog.internal.AdminRequests.GenreRequest;
import io.marquee.catalog.internal.AdminRequests.OnCreate;
import io.marquee.catalog.internal.AdminRequests.SeasonRequest;
import io.marquee.catalog.internal.AdminRequests.TitleRequest;
import io.marquee.catalog.internal.CatalogAdministration.AdminTitleView;
import io.marquee.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Catalog administration; the admin guard of identity covers every route here. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin: catalog", description = "Titles, cast, seasons, episodes and genres (admins only)")
@ApiResponse(responseCode = "403", description = "The caller is not an admin")
class AdminCatalogController {

    private static final String PARTIAL = " Only the fields present change; `null` clears an optional field.";

    private final CatalogAdministration administration;
    private final PartialBodies bodies;

    AdminCatalogController(CatalogAdministration administration, PartialBodies bodies) {
        this.administration = administration;
        this.bodies = bodies;
    }

    @GetMapping("/titles")
    @Operation(
            summary = "List titles",
            description = "Newest first; `q` matches part of the title, literally. `has_embedding`: semantic search"
                    + " has the title's embedding.")
    Page<CatalogAdministration.AdminTitleItem> titles(
            @Parameter(description = "Part of the title") @RequestParam(name = "q", required = false) @Size(max = 200)
                    String q,
            @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(Page.MAX_PAGE_SIZE) int pageSize) {
        return administration.titles(q, page, pageSize);
    }

    @PostMapping("/titles")
    @Operation(
            summary = "Create a title",
            description = "`title` and `title_type` are required. `genre_ids` (the first is the primary genre) must"
                    + " name existing genres; `cast` is in billing order. Publishes `TitlePublished`.")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<AdminTitleView> create(
            @Validated({Default.class, OnCreate.class}) @RequestBody TitleRequest request) {
        AdminTitleView title = administration.create(request);
        return ResponseEntity.created(URI.create("/api/v1/admin/titles/" + title.id()))
                .body(title);
    }

    @GetMapping("/titles/{title_id}")
    @Operation(
            summary = "A title with everything an editor needs",
            description = "Every field, `genre_ids`, the cast, and seasons with episodes (manifest URLs unmasked).")
    @ApiResponse(responseCode = "404", description = "Title not found")
    AdminTitleView title(@PathVariable("title_id") UUID titleId) {
        return administration.title(titleId);
    }

    @RequestMapping(
            path = "/titles/{title_id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(
            summary = "Change a title",
            description = "PUT and PATCH both update partially (PUT as in the PoC)." + PARTIAL
                    + " `genre_ids` and `cast`, when present, replace all genres or the whole cast. A series with"
                    + " seasons cannot become a movie. Publishes `TitleChanged`.")
    @ApiResponse(responseCode = "404", description = "Title not found")
    @ApiResponse(responseCode = "409", description = "A series with seasons cannot become a movie")
    AdminTitleView update(
            @PathVariable("title_id") UUID titleId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = TitleRequest.class)))
                    @RequestBody
                    JsonNode body) {
        return administration.update(titleId, bodies.read(body, TitleRequest.class));
    }

    @DeleteMapping("/titles/{title_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Delete a title",
            description = "With its genres links, cast, seasons and episodes. Publishes `TitleRemoved`.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Title not found")
    void delete(@PathVariable("title_id") UUID titleId) {
        administration.delete(titleId);
    }

    @PostMapping("/titles/{title_id}/seasons")
    @Operation(summary = "Add a season to a series", description = "Season numbers are unique within a series.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "404", description = "Title not found")
    @ApiResponse(responseCode = "409", description = "The title is a movie, or the season number is taken")
    ResponseEntity<CatalogWrites.SeasonRecord> createSeason(
            @PathVariable("title_id") UUID titleId,
            @Validated({Default.class, OnCreate.class}) @RequestBody SeasonRequest request) {
        CatalogWrites.SeasonRecord season = administration.createSeason(titleId, request);
        return ResponseEntity.created(URI.create("/api/v1/admin/seasons/" + season.id()))
                .body(season);
    }

    @RequestMapping(
            path = "/seasons/{season_id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "Change a season", description = PARTIAL)
    @ApiResponse(responseCode = "404", description = "Season not found")
    @ApiResponse(responseCode = "409", description = "The season number is taken")
    CatalogWrites.SeasonRecord updateSeason(
            @PathVariable("season_id") UUID seasonId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = SeasonRequest.class)))
                    @RequestBody
                    JsonNode body) {
        return administration.updateSeason(seasonId, bodies.read(body, SeasonRequest.class));
    }

    @DeleteMapping("/seasons/{season_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Delete a season",
            description = "With its episodes; publishes `EpisodeRemoved` for each of them.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Season not found")
    void deleteSeason(@PathVariable("season_id") UUID seasonId) {
        administration.deleteSeason(seasonId);
    }

    @PostMapping("/seasons/{season_id}/episodes")
    @Operation(
            summary = "Add an episode to a season",
            description = "Episode numbers are unique within a season. Publishes `EpisodePublished`.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "404", description = "Season not found")
    @ApiResponse(responseCode = "409", description = "The episode number is taken")
    ResponseEntity<CatalogWrites.EpisodeRecord> createEpisode(
            @PathVariable("season_id") UUID seasonId,
            @Validated({Default.class, OnCreate.class}) @RequestBody EpisodeRequest request) {
        CatalogWrites.EpisodeRecord episode = administration.createEpisode(seasonId, request);
        return ResponseEntity.created(URI.create("/api/v1/admin/episodes/" + episode.id()))
                .body(episode);
    }

    @RequestMapping(
            path = "/episodes/{episode_id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "Change an episode", description = PARTIAL)
    @ApiResponse(responseCode = "404", description = "Episode not found")
    @ApiResponse(responseCode = "409", description = "The episode number is taken")
    CatalogWrites.EpisodeRecord updateEpisode(
            @PathVariable("episode_id") UUID episodeId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = EpisodeRequest.class)))
                    @RequestBody
                    JsonNode body) {
        return administration.updateEpisode(episodeId, bodies.read(body, EpisodeRequest.class));
    }

    @DeleteMapping("/episodes/{episode_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an episode", description = "Publishes `EpisodeRemoved`.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Episode not found")
    void deleteEpisode(@PathVariable("episode_id") UUID episodeId) {
        administration.deleteEpisode(episodeId);
    }

    @PostMapping("/genres")
    @Operation(
            summary = "Create a genre",
            description =
                    "The slug defaults to the name in lower case with dashes. Shows in `/catalog/genres` at" + " once.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "A genre with this name or slug already exists")
    ResponseEntity<CatalogReads.Genre> createGenre(@Validated @RequestBody GenreRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(administration.createGenre(request));
    }

    @DeleteMapping("/genres/{genre_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a genre", description = "Its titles lose it (each publishes `TitleChanged`).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Genre not found")
    void deleteGenre(@PathVariable("genre_id") UUID genreId) {
        administration.deleteGenre(genreId);
    }
}
