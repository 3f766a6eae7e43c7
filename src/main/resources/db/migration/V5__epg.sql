-- Live-TV channels, their programme guide and the profiles' favourite channels (EPG module).

CREATE TABLE channels (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    channel_number integer      NOT NULL CHECK (channel_number > 0),
    logo_url       varchar(500),
    genre          varchar(50)
        CHECK (genre IN ('entertainment', 'news', 'sports', 'movies', 'kids', 'documentary', 'music', 'lifestyle')),
    is_hd          boolean      NOT NULL DEFAULT true,
    hls_live_url   varchar(500),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT channels_number_key UNIQUE (channel_number) -- also orders every channel list
);

-- One programme in a channel's guide. Programmes of a channel never overlap (back-to-back is fine: ranges are
-- half-open); the exclusion constraint's GiST index also answers "programmes of this channel overlapping a window".
CREATE TABLE schedule_entries (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    channel_id     uuid         NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    title          varchar(500) NOT NULL,
    synopsis       text,
    genre          varchar(50),
    start_time     timestamptz  NOT NULL,
    end_time       timestamptz  NOT NULL,
    age_rating     varchar(10) CHECK (age_rating IN ('TV-Y', 'TV-G', 'TV-PG', 'TV-14', 'TV-MA')),
    is_new         boolean      NOT NULL DEFAULT false,
    is_repeat      boolean      NOT NULL DEFAULT false,
    series_title   varchar(200),
    season_number  integer CHECK (season_number >= 0),
    episode_number integer CHECK (episode_number >= 0),
    CONSTRAINT schedule_entries_period CHECK (end_time > start_time),
    CONSTRAINT schedule_entries_no_overlap
        EXCLUDE USING gist (channel_id WITH =, tstzrange(start_time, end_time) WITH &&)
);
-- now/next across all channels: programmes overlapping [now, now + horizon)
CREATE INDEX schedule_entries_period_idx ON schedule_entries USING gist (tstzrange(start_time, end_time));
-- guide search: title contains the query (ILIKE '%…%')
CREATE INDEX schedule_entries_title_trgm_idx ON schedule_entries USING gin (title gin_trgm_ops);

CREATE TABLE channel_favorites (
    profile_id uuid        NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    channel_id uuid        NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (profile_id, channel_id)
);
-- the cascade when a channel is deleted
CREATE INDEX channel_favorites_channel_idx ON channel_favorites (channel_id);
