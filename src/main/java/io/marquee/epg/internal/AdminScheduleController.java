package io.marquee.epg.internal;

import io.marquee.epg.internal.Programmes.Programme;
import io.marquee.epg.internal.Programmes.ProgrammeFields;
import io.marquee.identity.AgeRating;
import io.marquee.platform.errors.FieldViolation;
import io.marquee.platform.errors.InvalidInputException;
import io.marquee.platform.web.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** Guide administration; the admin guard covers every route under {@code /api/v1/admin}. */
@RestController
@RequestMapping("/api/v1/admin/schedule")
@Tag(name = "Admin: schedule", description = "Programmes of the live-TV guide (admins only)")
@ApiResponse(responseCode = "403", description = "The caller is not an admin")
class AdminScheduleController {

    static final String RATING = "TV-Y|TV-G|TV-PG|TV-14|TV-MA";
    static final String DATE_TIME_RULE = "must be an ISO-8601 date-time with Z or an offset, e.g. 2026-03-01T20:00:00Z";
    private static final String DATE_TIME_DOC = "ISO-8601 with `Z` or an offset; a time without one is refused";

    record ProgrammeRequest(
            @NotNull UUID channelId,

            @Schema(example = "Evening News") @NotBlank @Size(max = 500)
            String title,

            @Size(max = 5000) String synopsis,

            @Schema(example = "news") @Size(max = 50) String genre,

            @Schema(
                    type = "string",
                    format = "date-time",
                    example = "2026-03-01T20:00:00Z",
                    description = DATE_TIME_DOC)
            @NotBlank
            String startTime,

            @Schema(
                    type = "string",
                    format = "date-time",
                    example = "2026-03-01T21:00:00Z",
                    description = DATE_TIME_DOC)
            @NotBlank
            String endTime,

            @Schema(allowableValues = {"TV-Y", "TV-G", "TV-PG", "TV-14", "TV-MA"})
            @Pattern(regexp = RATING, message = AgeRating.ONE_OF)
            String ageRating,

            @Schema(description = "Defaults to false") Boolean isNew,

            @Schema(description = "Defaults to false") Boolean isRepeat,

            @Size(max = 200) String seriesTitle,

            @Min(0) @Max(10_000) Integer seasonNumber,

            @Min(0) @Max(100_000) Integer episodeNumber) {}

    record ProgrammeChangeRequest(
            @Size(min = 1, max = 500) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String title,

            @Schema(description = "An empty string removes it") @Size(max = 5000)
            String synopsis,

            @Schema(description = "An empty string removes it") @Size(max = 50)
            String genre,

            @Schema(type = "string", format = "date-time", description = DATE_TIME_DOC)
            String startTime,

            @Schema(type = "string", format = "date-time", description = DATE_TIME_DOC)
            String endTime,

            @Schema(description = "One of TV-Y, TV-G, TV-PG, TV-14, TV-MA; an empty string removes it")
            @Pattern(regexp = "^$|" + RATING, message = AgeRating.ONE_OF)
            String ageRating,

            Boolean isNew,

            Boolean isRepeat,

            @Schema(description = "An empty string removes it") @Size(max = 200)
            String seriesTitle,

            @Min(0) @Max(10_000) Integer seasonNumber,

            @Min(0) @Max(100_000) Integer episodeNumber) {}

    private final GuideAdministration administration;
    private final Clock clock;

    AdminScheduleController(GuideAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "A channel's programmes of one day",
            description = "Every programme overlapping the day in `tz` (default UTC), by start time, unmasked.")
    @ApiResponse(responseCode = "404", description = "Channel not found")
    Listing<Programme> schedule(
            @RequestParam("channel_id") UUID channelId,
            @Parameter(description = "`YYYY-MM-DD`; defaults to today in `tz`")
                    @RequestParam(name = "date", required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @Parameter(description = "IANA time zone, default `UTC`") @RequestParam(name = "tz", required = false)
                    String tz) {
        return Listing.of(administration.schedule(channelId, GuideDay.of(date, tz, clock)));
    }

    @PostMapping
    @Operation(
            summary = "Add a programme",
            description = "`end_time` must be after `start_time`, and the programme must not overlap another on the"
                    + " channel (back-to-back is fine).")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "The programme overlaps another on this channel")
    ResponseEntity<Programme> create(@Valid @RequestBody ProgrammeRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant start = instant("start_time", request.startTime(), violations);
        Instant end = instant("end_time", request.endTime(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Programme programme = administration.createProgramme(new ProgrammeFields(
                request.channelId(),
                request.title().strip(),
                request.synopsis(),
                request.genre(),
                start,
                end,
                request.ageRating(),
                Boolean.TRUE.equals(request.isNew()),
                Boolean.TRUE.equals(request.isRepeat()),
                request.seriesTitle(),
                request.seasonNumber(),
                request.episodeNumber()));
        return ResponseEntity.created(URI.create("/api/v1/admin/schedule/" + programme.id()))
                .body(programme);
    }

    @RequestMapping(
            path = "/{entry_id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(
            summary = "Change a programme",
            description = "PUT and PATCH alike: only the fields present change (the channel never does); an empty"
                    + " string removes an optional text. The same rules as for a new programme apply.")
    @ApiResponse(responseCode = "404", description = "Schedule entry not found")
    @ApiResponse(responseCode = "409", description = "The programme overlaps another on this channel")
    Programme update(@PathVariable("entry_id") UUID entryId, @Valid @RequestBody ProgrammeChangeRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant start = request.startTime() == null ? null : instant("start_time", request.startTime(), violations);
        Instant end = request.endTime() == null ? null : instant("end_time", request.endTime(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return administration.updateProgramme(
                entryId,
                new GuideAdministration.ProgrammeChanges(
                        request.title() == null ? null : request.title().strip(),
                        request.synopsis(),
                        request.genre(),
                        start,
                        end,
                        request.ageRating(),
                        request.isNew(),
                        request.isRepeat(),
                        request.seriesTitle(),
                        request.seasonNumber(),
                        request.episodeNumber()));
    }

    @DeleteMapping("/{entry_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a programme", description = "Its slot becomes a gap in the guide.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Schedule entry not found")
    void delete(@PathVariable("entry_id") UUID entryId) {
        administration.deleteProgramme(entryId);
    }

    /** A date-time with a zone offset: a local time would depend on where the server runs. */
    private static Instant instant(String field, String value, List<FieldViolation> violations) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, DATE_TIME_RULE));
            return null;
        }
    }
}
