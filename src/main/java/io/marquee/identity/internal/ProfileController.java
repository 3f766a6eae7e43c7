package io.marquee.identity.internal;

import io.marquee.identity.AuthenticatedUser;
import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.web.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/profiles")
@Tag(name = "Profiles", description = "The viewer profiles of the signed-in account")
class ProfileController {

    static final String URL = "^https?://\\S+$";
    static final String RATING_DOC = "One of TV-Y, TV-G, TV-PG, TV-14, TV-MA; a kids profile holds at most TV-PG";

    record CreateProfileRequest(
            @Schema(example = "Sam") @NotBlank @Size(max = 100)
            String name,

            @Schema(example = "https://cdn.example.com/avatars/7.png")
            @Size(max = 500)
            @Pattern(regexp = URL, message = "must be an http(s) URL")
            String avatarUrl,

            @Schema(description = RATING_DOC + "; defaults to TV-MA, or TV-PG for a kids profile", example = "TV-14")
            @Size(max = 10)
            String parentalRating,

            @Schema(description = "Defaults to false") Boolean isKids) {}

    record UpdateProfileRequest(
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name,

            @Schema(description = "An http(s) URL; an empty string removes the avatar")
            @Size(max = 500)
            @Pattern(regexp = "^$|" + URL, message = "must be an http(s) URL")
            String avatarUrl,

            @Schema(description = RATING_DOC) @Size(max = 10)
            String parentalRating,

            Boolean isKids) {}

    record ProfileResponse(UUID id, String name, String avatarUrl, String parentalRating, boolean isKids) {
        static ProfileResponse of(Profiles.Profile profile) {
            return new ProfileResponse(
                    profile.id(), profile.name(), profile.avatarUrl(), profile.parentalRating(), profile.isKids());
        }
    }

    private final ProfileManagement management;

    ProfileController(ProfileManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List the account's profiles", description = "Oldest first.")
    Listing<ProfileResponse> list(@AuthenticationPrincipal AuthenticatedUser user) {
        return Listing.of(
                management.list(user.id()).stream().map(ProfileResponse::of).toList());
    }

    @PostMapping
    @Operation(summary = "Create a profile", description = "An account has at most 5 profiles.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "The account already has the maximum number of profiles")
    ResponseEntity<ProfileResponse> create(
            @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody CreateProfileRequest request) {
        Profiles.Profile profile = management.create(
                user.id(),
                new ProfileManagement.ProfileFields(
                        request.name(), request.avatarUrl(), request.parentalRating(), request.isKids()));
        return ResponseEntity.created(URI.create("/api/v1/auth/profiles/" + profile.id()))
                .body(ProfileResponse.of(profile));
    }

    @PatchMapping("/{profile_id}")
    @Operation(summary = "Change a profile", description = "Only the fields present are changed.")
    @ApiResponse(responseCode = "403", description = "Profile not found or access denied")
    ProfileResponse update(
            @VerifiedProfile @PathVariable("profile_id") UUID profileId,
            @Valid @RequestBody UpdateProfileRequest request) {
        return ProfileResponse.of(management.update(
                profileId,
                new ProfileManagement.ProfileFields(
                        request.name(), request.avatarUrl(), request.parentalRating(), request.isKids())));
    }

    @DeleteMapping("/{profile_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a profile", description = "Its viewing data goes with it; the last profile stays.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Profile not found or access denied")
    @ApiResponse(responseCode = "409", description = "The account's last profile cannot be deleted")
    void delete(
            @AuthenticationPrincipal AuthenticatedUser user,
            @VerifiedProfile @PathVariable("profile_id") UUID profileId) {
        management.delete(user.id(), profileId);
    }

    @PutMapping("/{profile_id}/select")
    @Operation(
            summary = "Select a profile",
            description = "Confirms that the profile belongs to the account and returns it; the client then sends"
                    + " its id as `profile_id`. Nothing is stored on the server.")
    @ApiResponse(responseCode = "403", description = "Profile not found or access denied")
    ProfileResponse select(@VerifiedProfile @PathVariable("profile_id") UUID profileId) {
        return ProfileResponse.of(management.get(profileId));
    }
}
