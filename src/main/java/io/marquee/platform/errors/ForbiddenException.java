package io.marquee.platform.errors;

import org.springframework.http.HttpStatus;

/** 403: the caller is known but may not do this. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, "forbidden", detail);
    }
}
