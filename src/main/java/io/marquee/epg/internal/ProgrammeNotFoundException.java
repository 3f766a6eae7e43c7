package io.marquee.epg.internal;

import io.marquee.platform.errors.NotFoundException;

/** 404: no programme has this id. */
class ProgrammeNotFoundException extends NotFoundException {

    static final String DETAIL = "Schedule entry not found";

    ProgrammeNotFoundException() {
        super(DETAIL);
    }
}
