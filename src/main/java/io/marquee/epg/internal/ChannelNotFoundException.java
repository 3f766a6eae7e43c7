package io.marquee.epg.internal;

import io.marquee.platform.errors.NotFoundException;

/** 404: no channel has this id. */
class ChannelNotFoundException extends NotFoundException {

    static final String DETAIL = "Channel not found";

    ChannelNotFoundException() {
        super(DETAIL);
    }
}
