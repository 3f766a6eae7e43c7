package io.marquee.platform.web;

import java.io.IOException;

/** A request body grew past the configured limit while it was being read. */
public class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(String message) {
        super(message);
    }
}
