-- Viewing: bookmarks (playback positions), ratings and watchlist, per profile.

-- One row per (profile, movie or episode). title_id is the movie itself or the episode's series: continue watching
-- groups by it, series momentum counts by it, and deleting a title takes its bookmarks along (an episode's removal is
-- handled by the viewing module's listener, as content_id has no foreign key).
CREATE TABLE bookmarks (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    profile_id       uuid        NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    content_type     varchar(10) NOT NULL CHECK (content_type IN ('movie', 'episode')),
    content_id       uuid        NOT NULL,
    title_id         uuid        NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    position_seconds integer     NOT NULL CHECK (position_seconds >= 0),
    duration_seconds integer     NOT NULL CHECK (duration_seconds >= 1),
    completed        boolean     NOT NULL DEFAULT false,
    dismissed_at     timestamptz,
    device_type      varchar(10) CHECK (device_type IN ('tv', 'mobile', 'tablet', 'web')),
    -- the client's time of the heartbeat (or the server's when it sent none): an older heartbeat never overwrites
    recorded_at      timestamptz NOT NULL,
    -- the server's time of the last change (application clock)
    updated_at       timestamptz NOT NULL,
    CONSTRAINT bookmarks_profile_content_key UNIQUE (profile_id, content_id),
    CONSTRAINT bookmarks_position_le_duration CHECK (position_seconds <= duration_seconds)
);

-- continue watching, paused and history: a profile's bookmarks, newest first
CREATE INDEX bookmarks_profile_updated_idx ON bookmarks (profile_id, updated_at DESC, id DESC);
-- series momentum and next-episode skipping: a profile's completed bookmarks of a title
CREATE INDEX bookmarks_profile_title_completed_idx ON bookmarks (profile_id, title_id, updated_at) WHERE completed;
-- cascades from titles, and removal of an episode's bookmarks
CREATE INDEX bookmarks_title_idx ON bookmarks (title_id);
CREATE INDEX bookmarks_content_idx ON bookmarks (content_id);

CREATE TABLE ratings (
    profile_id uuid        NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    title_id   uuid        NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    rating     smallint    NOT NULL CHECK (rating IN (-1, 1)),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (profile_id, title_id)
);

CREATE INDEX ratings_title_idx ON ratings (title_id);

CREATE TABLE watchlist (
    profile_id uuid        NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    title_id   uuid        NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (profile_id, title_id)
);

CREATE INDEX watchlist_profile_added_idx ON watchlist (profile_id, added_at DESC, title_id);
CREATE INDEX watchlist_title_idx ON watchlist (title_id);
