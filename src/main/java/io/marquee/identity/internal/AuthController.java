package io.marquee.identity.internal;

import io.marquee.identity.AuthenticatedUser;
import io.marquee.platform.ratelimit.RateLimited;
import io.marquee.platform.ratelimit.RateLimited.Per;
import io.marquee.platform.security.JwtSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth", description = "Accounts, sign-in, token refresh and sign-out")
class AuthController {

    /** Checked after trimming and lower-casing (see {@link #normalizeEmail}). */
    static final String EMAIL = "^[a-z0-9_.+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+$";

    record RegisterRequest(
            @Schema(example = "viewer@example.com")
            @NotBlank
            @Size(max = 255)
            @Pattern(regexp = EMAIL, message = "must be a valid email address")
            String email,

            @Schema(example = "correct horse battery") @NotNull @Size(min = 8, max = 128)
            String password) {
        RegisterRequest {
            email = normalizeEmail(email);
        }
    }

    record LoginRequest(
            @Schema(example = "viewer@example.com")
            @NotBlank
            @Size(max = 255)
            @Pattern(regexp = EMAIL, message = "must be a valid email address")
            String email,

            @Schema(example = "correct horse battery") @NotNull @Size(min = 1, max = 128)
            String password) {
        LoginRequest {
            email = normalizeEmail(email);
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

    record TokenResponse(
            String accessToken,
            String refreshToken,
            @Schema(example = "bearer") String tokenType,

            @Schema(description = "Seconds until the access token expires", example = "900")
            long expiresIn) {}

    record UserResponse(UUID id, String email, String subscriptionTier, boolean isAdmin) {}

    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final long accessTokenSeconds;

    AuthController(Accounts accounts, RefreshTokens refreshTokens, JwtSettings jwt) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.accessTokenSeconds = jwt.accessTokenTtl().toSeconds();
    }

    @PostMapping("/register")
    @RateLimited(value = "auth", per = Per.IP)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create an account",
            description = "Creates a basic, non-admin account with one profile named \"Default\" (TV-MA) and signs"
                    + " it in. The email is trimmed and lower-cased; the password has 8 to 128 characters.")
    @ApiResponse(responseCode = "201", description = "Account created and signed in")
    @ApiResponse(responseCode = "409", description = "Email already registered")
    TokenResponse register(@Valid @RequestBody RegisterRequest request) {
        return tokens(accounts.register(request.email(), request.password()));
    }

    @PostMapping("/login")
    @RateLimited(value = "auth", per = Per.IP)
    @Operation(
            summary = "Sign in",
            description = "Starts a new sign-in: a 15-minute access token and a refresh token. Unknown email, wrong"
                    + " password and deactivated account all answer the same 401.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "Invalid email or password")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        return tokens(accounts.login(request.email(), request.password()));
    }

    @PostMapping("/refresh")
    @RateLimited(value = "auth", per = Per.IP)
    @Operation(
            summary = "Exchange a refresh token",
            description = "Returns a new access token and a new refresh token; the presented one stops working."
                    + " Presenting a refresh token that was already exchanged ends that whole sign-in (it was"
                    + " copied), so every device of it must sign in again.")
    @ApiResponse(responseCode = "200", description = "New tokens")
    @ApiResponse(responseCode = "401", description = "Invalid, expired, revoked or replayed refresh token")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return tokens(accounts.refresh(request.refreshToken()));
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    UserResponse me(@AuthenticationPrincipal AuthenticatedUser user) {
        Users.Account account = accounts.me(user.id());
        return new UserResponse(account.id(), account.email(), account.subscriptionTier(), account.isAdmin());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Sign out this device",
            description = "Ends the sign-in the refresh token belongs to. Access tokens already issued stay valid"
                    + " until they expire (at most 15 minutes). Unknown tokens are ignored.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    void logout(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody RefreshRequest request) {
        refreshTokens.signOut(user.id(), request.refreshToken());
    }

    @PostMapping("/logout-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out every device", description = "Ends every sign-in of the account.")
    @ApiResponse(responseCode = "204", description = "Signed out everywhere")
    void logoutAll(@AuthenticationPrincipal AuthenticatedUser user) {
        refreshTokens.signOutEverywhere(user.id());
    }

    private TokenResponse tokens(Accounts.Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "bearer", accessTokenSeconds);
    }

    static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
