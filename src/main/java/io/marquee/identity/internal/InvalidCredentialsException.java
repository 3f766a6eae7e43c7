package io.marquee.identity.internal;

import io.marquee.platform.errors.ApiException;
import org.springframework.http.HttpStatus;

/** 401 for a failed sign-in or refresh; the detail never says which check failed. */
class InvalidCredentialsException extends ApiException {

    static InvalidCredentialsException login() {
        return new InvalidCredentialsException("Invalid email or password");
    }

    static InvalidCredentialsException refresh() {
        return new InvalidCredentialsException("Invalid or expired refresh token");
    }

    private InvalidCredentialsException(String detail) {
        super(HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
    }
}
