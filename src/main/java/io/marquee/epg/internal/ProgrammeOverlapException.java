package io.marquee.epg.internal;

import io.marquee.platform.errors.ConflictException;

/** 409: programmes of one channel never overlap (the exclusion constraint of {@code schedule_entries}). */
class ProgrammeOverlapException extends ConflictException {

    static final String DETAIL = "The programme overlaps another on this channel";

    ProgrammeOverlapException() {
        super(DETAIL);
    }
}
