package io.marquee.epg.internal;

import io.marquee.epg.internal.Channels.Channel;
import io.marquee.epg.internal.Channels.ChannelFields;
import io.marquee.platform.web.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Channel administration; the admin guard covers every route under {@code /api/v1/admin}. */
@RestController
@RequestMapping("/api/v1/admin/channels")
@Tag(name = "Admin: channels", description = "Live-TV channels (admins only)")
@ApiResponse(responseCode = "403", description = "The caller is not an admin")
class AdminChannelController {

    static final String URL = "^https?://\\S+$";
    static final String GENRE = "entertainment|news|sports|movies|kids|documentary|music|lifestyle";
    static final String GENRE_RULE =
            "must be one of entertainment, news, sports, movies, kids, documentary, music, lifestyle";

    record ChannelRequest(
            @Schema(example = "Marquee One") @NotBlank @Size(max = 200)
            String name,

            @Schema(example = "101") @NotNull @Min(1) Integer channelNumber,

            @Schema(example = "https://cdn.example.com/logos/101.png")
            @Size(max = 500)
            @Pattern(regexp = URL, message = "must be an http(s) URL")
            String logoUrl,

            @Schema(
                    allowableValues = {
                        "entertainment",
                        "news",
                        "sports",
                        "movies",
                        "kids",
                        "documentary",
                        "music",
                        "lifestyle"
                    })
            @Pattern(regexp = GENRE, message = GENRE_RULE)
            String genre,

            @Schema(description = "Defaults to true") Boolean isHd,

            @Schema(example = "https://live.example.com/101/master.m3u8")
            @Size(max = 500)
            @Pattern(regexp = URL, message = "must be an http(s) URL")
            String hlsLiveUrl) {}

    record ChannelChangeRequest(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name,

            @Min(1) Integer channelNumber,

            @Schema(description = "An http(s) URL; an empty string removes the logo")
            @Size(max = 500)
            @Pattern(regexp = "^$|" + URL, message = "must be an http(s) URL")
            String logoUrl,

            @Schema(description = "One of the channel genres; an empty string removes it")
            @Pattern(regexp = "^$|" + GENRE, message = GENRE_RULE)
            String genre,

            Boolean isHd,

            @Schema(description = "An http(s) URL; an empty string removes the stream")
            @Size(max = 500)
            @Pattern(regexp = "^$|" + URL, message = "must be an http(s) URL")
            String hlsLiveUrl) {}

    record AdminChannelResponse(
            UUID id,
            String name,
            int channelNumber,
            String logoUrl,
            String genre,
            boolean isHd,
            String hlsLiveUrl,
            Instant createdAt) {
        static AdminChannelResponse of(Channel channel) {
            return new AdminChannelResponse(
                    channel.id(),
                    channel.name(),
                    channel.channelNumber(),
                    channel.logoUrl(),
                    channel.genre(),
                    channel.isHd(),
                    channel.hlsLiveUrl(),
                    channel.createdAt());
        }
    }

    private final GuideAdministration administration;

    AdminChannelController(GuideAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "List the channels", description = "By channel number, with their live streams.")
    Listing<AdminChannelResponse> channels() {
        return Listing.of(
                administration.channels().stream().map(AdminChannelResponse::of).toList());
    }

    @PostMapping
    @Operation(summary = "Create a channel", description = "Channel numbers are unique.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "The channel number is already taken")
    ResponseEntity<AdminChannelResponse> create(@Valid @RequestBody ChannelRequest request) {
        Channel channel = administration.createChannel(new ChannelFields(
                request.name().strip(),
                request.channelNumber(),
                request.logoUrl(),
                request.genre(),
                request.isHd() == null || request.isHd(),
                request.hlsLiveUrl()));
        return ResponseEntity.created(URI.create("/api/v1/admin/channels/" + channel.id()))
                .body(AdminChannelResponse.of(channel));
    }

    @RequestMapping(
            path = "/{channel_id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(
            summary = "Change a channel",
            description = "PUT and PATCH alike: only the fields present change; an empty string removes an optional"
                    + " text.")
    @ApiResponse(responseCode = "404", description = "Channel not found")
    @ApiResponse(responseCode = "409", description = "The channel number is already taken")
    AdminChannelResponse update(
            @PathVariable("channel_id") UUID channelId, @Valid @RequestBody ChannelChangeRequest request) {
        return AdminChannelResponse.of(administration.updateChannel(
                channelId,
                new GuideAdministration.ChannelChanges(
                        request.name() == null ? null : request.name().strip(),
                        request.channelNumber(),
                        request.logoUrl(),
                        request.genre(),
                        request.isHd(),
                        request.hlsLiveUrl())));
    }

    @DeleteMapping("/{channel_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Delete a channel",
            description = "Its programmes and every profile's favourite of it are deleted with it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Channel not found")
    void delete(@PathVariable("channel_id") UUID channelId) {
        administration.deleteChannel(channelId);
    }
}
