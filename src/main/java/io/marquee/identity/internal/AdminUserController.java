package io.marquee.identity.internal;

import io.marquee.identity.AuthenticatedUser;
import io.marquee.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account administration; the admin guard in {@link IdentitySecurity} covers every route here. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin: users", description = "Accounts and token maintenance (admins only)")
@ApiResponse(responseCode = "403", description = "The caller is not an admin")
class AdminUserController {

    record UserChangeRequest(
            @Schema(description = "false deactivates: every sign-in ends, access tokens stop within 30 s")
            Boolean isActive,

            Boolean isAdmin,

            @Schema(allowableValues = {"basic", "standard", "premium"})
            @Pattern(regexp = "basic|standard|premium", message = "must be one of basic, standard, premium")
            String subscriptionTier) {}

    record AdminUserResponse(
            UUID id,
            String email,
            String subscriptionTier,
            boolean isAdmin,
            boolean isActive,
            Instant createdAt,
            int profilesCount) {
        static AdminUserResponse of(Users.AccountSummary user) {
            return new AdminUserResponse(
                    user.id(),
                    user.email(),
                    user.subscriptionTier(),
                    user.isAdmin(),
                    user.isActive(),
                    user.createdAt(),
                    user.profilesCount());
        }
    }

    record CleanupResponse(
            @Schema(description = "Rows deleted", example = "42")
            int removed) {}

    private final UserAdministration administration;
    private final RefreshTokens refreshTokens;

    AdminUserController(UserAdministration administration, RefreshTokens refreshTokens) {
        this.administration = administration;
        this.refreshTokens = refreshTokens;
    }

    @GetMapping("/users")
    @Operation(summary = "List accounts", description = "Oldest first, with each account's number of profiles.")
    Page<AdminUserResponse> users(
            @Parameter(description = "Part of the email") @RequestParam(name = "q", required = false) @Size(max = 255)
                    String q,
            @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(Page.MAX_PAGE_SIZE) int pageSize) {
        Page<Users.AccountSummary> result = administration.page(q, page, pageSize);
        return new Page<>(
                result.items().stream().map(AdminUserResponse::of).toList(),
                result.total(),
                result.page(),
                result.pageSize());
    }

    @PatchMapping("/users/{user_id}")
    @Operation(
            summary = "Change an account",
            description = "Activate or deactivate, grant or revoke admin, change the subscription tier. Only the"
                    + " fields present change. Admins cannot deactivate or demote themselves.")
    @ApiResponse(responseCode = "404", description = "User not found")
    @ApiResponse(responseCode = "409", description = "An admin tried to deactivate or demote themselves")
    AdminUserResponse change(
            @AuthenticationPrincipal AuthenticatedUser admin,
            @PathVariable("user_id") UUID userId,
            @Valid @RequestBody UserChangeRequest request) {
        return AdminUserResponse.of(administration.change(
                admin.id(),
                userId,
                new UserAdministration.UserChanges(request.isActive(), request.isAdmin(), request.subscriptionTier())));
    }

    @PostMapping("/maintenance/refresh-tokens/cleanup")
    @Operation(
            summary = "Delete dead refresh tokens now",
            description = "Deletes revoked and expired refresh tokens (also done hourly by a background job).")
    CleanupResponse cleanup() {
        return new CleanupResponse(refreshTokens.deleteDead());
    }
}
