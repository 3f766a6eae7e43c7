package io.marquee.platform.errors;

import org.springframework.http.HttpStatus;

/** 404: the addressed resource does not exist (or the caller may not know that it does). */
public class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "not-found", detail);
    }
}
