package io.marquee.platform.errors;

import org.springframework.http.HttpStatus;

/** 409: the request clashes with the current state (a duplicate, a limit, an overlap). */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, "conflict", detail);
    }
}
