package io.marquee.entitlement.internal;

import io.marquee.platform.web.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** Packages, their contents and accounts' grants; guarded by the admin rule on {@code /api/v1/admin/**}. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin: packages", description = "Subscription packages, their contents and what accounts are granted")
@ApiResponse(responseCode = "403", description = "The caller is not an admin")
class AdminPackageController {

    static final String TIERS = "basic|standard|premium";
    static final String TIER_MESSAGE = "must be one of basic, standard, premium";
    static final String CONTENT_TYPES = "vod_title|channel";

    record CreatePackageRequest(
            @Schema(example = "Premium") @NotBlank @Size(max = 100)
            String name,

            @Size(max = 2000) String description,

            @Schema(example = "premium") @NotNull @Pattern(regexp = TIERS, message = TIER_MESSAGE)
            String tier,

            @Schema(example = "4") @NotNull @Min(1) @Max(10) Integer maxStreams,

            @Schema(example = "1499") @NotNull @Min(0) @Max(1_000_000)
            Integer priceCents,

            @Schema(example = "USD") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like USD")
            String currency) {}

    record UpdatePackageRequest(
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name,

            @Size(max = 2000) String description,
            @Pattern(regexp = TIERS, message = TIER_MESSAGE) String tier,
            @Min(1) @Max(10) Integer maxStreams,
            @Min(0) @Max(1_000_000) Integer priceCents,

            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like USD")
            String currency) {}

    record ContentsRequest(
            @Schema(allowableValues = {"vod_title", "channel"})
            @NotNull
            @Pattern(regexp = CONTENT_TYPES, message = "must be vod_title or channel")
            String contentType,

            @Schema(description = "Title ids (series ids for series) or channel ids") @NotEmpty @Size(max = 10_000)
            List<@NotNull UUID> contentIds) {}

    record GrantRequest(
            @Schema(description = "A package, or else") UUID packageId,

            @Schema(description = "a single title (a movie or a series)")
            UUID titleId,

            @Schema(
                    allowableValues = {"subscription", "purchase", "promotion", "admin"},
                    description = "Defaults to admin")
            @Pattern(
                    regexp = "subscription|purchase|promotion|admin",
                    message = "must be one of subscription, purchase, promotion, admin")
            String sourceType,

            @Schema(description = "ISO-8601 with a zone; absent = no end")
            Instant expiresAt) {}

    private final Packages packages;

    AdminPackageController(Packages packages) {
        this.packages = packages;
    }

    @GetMapping("/packages")
    @Operation(summary = "List packages", description = "Cheapest first, with how many titles and channels each holds.")
    Listing<Packages.PackageView> list() {
        return Listing.of(packages.list());
    }

    @PostMapping("/packages")
    @Operation(summary = "Create a package")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "A package with this name exists")
    ResponseEntity<Packages.PackageView> create(@Valid @RequestBody CreatePackageRequest request) {
        Packages.PackageView created = packages.create(new Packages.PackageFields(
                request.name(),
                request.description(),
                request.tier(),
                request.maxStreams(),
                request.priceCents(),
                request.currency()));
        return ResponseEntity.created(URI.create("/api/v1/admin/packages/" + created.id()))
                .body(created);
    }

    @GetMapping("/packages/{package_id}")
    @Operation(summary = "One package")
    @ApiResponse(responseCode = "404", description = "Package not found")
    Packages.PackageView get(@PathVariable("package_id") UUID packageId) {
        return packages.get(packageId);
    }

    @PatchMapping("/packages/{package_id}")
    @Operation(summary = "Change a package", description = "Only the fields present change.")
    @ApiResponse(responseCode = "404", description = "Package not found")
    @ApiResponse(responseCode = "409", description = "A package with this name exists")
    Packages.PackageView update(
            @PathVariable("package_id") UUID packageId, @Valid @RequestBody UpdatePackageRequest request) {
        return packages.update(
                packageId,
                new Packages.PackageFields(
                        request.name(),
                        request.description(),
                        request.tier(),
                        request.maxStreams(),
                        request.priceCents(),
                        request.currency()));
    }

    @DeleteMapping("/packages/{package_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a package", description = "Accounts lose the grants of this package.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "Package not found")
    void delete(@PathVariable("package_id") UUID packageId) {
        packages.delete(packageId);
    }

    @GetMapping("/packages/{package_id}/contents")
    @Operation(summary = "What a package holds")
    @ApiResponse(responseCode = "404", description = "Package not found")
    Listing<Packages.ContentItem> contents(@PathVariable("package_id") UUID packageId) {
        return Listing.of(packages.contents(packageId));
    }

    @PutMapping("/packages/{package_id}/contents")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Add titles or channels to a package",
            description = "Idempotent. A series is added by its title id; its episodes follow.")
    @ApiResponse(responseCode = "204", description = "Added")
    @ApiResponse(responseCode = "404", description = "Package not found")
    void addContents(@PathVariable("package_id") UUID packageId, @Valid @RequestBody ContentsRequest request) {
        packages.addContents(packageId, request.contentType(), request.contentIds());
    }

    @DeleteMapping("/packages/{package_id}/contents/{content_type}/{content_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a title or channel from a package", description = "Idempotent.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "Package not found")
    void removeContent(
            @PathVariable("package_id") UUID packageId,
            @PathVariable("content_type") @Pattern(regexp = CONTENT_TYPES, message = "must be vod_title or channel")
                    String contentType,
            @PathVariable("content_id") UUID contentId) {
        packages.removeContent(packageId, contentType, contentId);
    }

    @GetMapping("/users/{user_id}/entitlements")
    @Operation(summary = "An account's grants", description = "Including expired ones, oldest first.")
    Listing<Packages.GrantView> grants(@PathVariable("user_id") UUID userId) {
        return Listing.of(packages.grantsOf(userId));
    }

    @PostMapping("/users/{user_id}/entitlements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Grant a package or a title to an account",
            description = "Takes effect at once on every instance.")
    @ApiResponse(responseCode = "201", description = "Granted")
    @ApiResponse(responseCode = "404", description = "User or package not found")
    Packages.GrantView grant(@PathVariable("user_id") UUID userId, @Valid @RequestBody GrantRequest request) {
        return packages.grant(
                userId, request.packageId(), request.titleId(), request.sourceType(), request.expiresAt());
    }

    @DeleteMapping("/users/{user_id}/entitlements/{entitlement_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a grant")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "Entitlement not found")
    void revoke(@PathVariable("user_id") UUID userId, @PathVariable("entitlement_id") UUID entitlementId) {
        packages.revoke(userId, entitlementId);
    }
}
