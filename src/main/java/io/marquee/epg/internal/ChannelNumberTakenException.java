package io.marquee.epg.internal;

import io.marquee.platform.errors.ConflictException;

/** 409: channel numbers are unique. */
class ChannelNumberTakenException extends ConflictException {

    ChannelNumberTakenException(int number) {
        super("Channel number " + number + " is already taken");
    }
}
