-- Packages, grants and playback sessions (entitlement module). Content ids point at catalog titles and EPG channels
-- without foreign keys: the entitlement module knows nothing of those modules, and a grant for content that no
-- longer exists simply never matches.

CREATE TABLE content_packages (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        varchar(100) NOT NULL,
    description text,
    tier        varchar(20)  NOT NULL CHECK (tier IN ('basic', 'standard', 'premium')),
    max_streams integer      NOT NULL CHECK (max_streams BETWEEN 1 AND 10),
    price_cents integer      NOT NULL CHECK (price_cents >= 0),
    currency    char(3)      NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT content_packages_name_key UNIQUE (name)
);

CREATE TABLE package_contents (
    package_id   uuid        NOT NULL REFERENCES content_packages (id) ON DELETE CASCADE,
    content_type varchar(20) NOT NULL CHECK (content_type IN ('vod_title', 'channel')),
    content_id   uuid        NOT NULL,
    PRIMARY KEY (package_id, content_type, content_id)
);
-- "which packages hold this content": entitlement checks and access options
CREATE INDEX package_contents_content_idx ON package_contents (content_type, content_id, package_id);

-- A grant of one package or one title to an account, optionally until expires_at.
CREATE TABLE user_entitlements (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    package_id  uuid REFERENCES content_packages (id) ON DELETE CASCADE,
    title_id    uuid,
    source_type varchar(20) NOT NULL DEFAULT 'subscription'
        CHECK (source_type IN ('subscription', 'purchase', 'promotion', 'admin')),
    granted_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz,
    CONSTRAINT user_entitlements_one_target CHECK ((package_id IS NULL) <> (title_id IS NULL))
);
CREATE INDEX user_entitlements_user_idx ON user_entitlements (user_id);
CREATE INDEX user_entitlements_package_idx ON user_entitlements (package_id);

-- A stream being watched. It counts against the account's stream limit while it is not ended and has had a
-- heartbeat within the liveness window (2 minutes); a job ends silent ones.
CREATE TABLE playback_sessions (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    profile_id        uuid        NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    content_type      varchar(20) NOT NULL CHECK (content_type IN ('movie', 'episode', 'channel')),
    content_id        uuid        NOT NULL,
    started_at        timestamptz NOT NULL,
    last_heartbeat_at timestamptz NOT NULL,
    ended_at          timestamptz,
    CHECK (last_heartbeat_at >= started_at)
);
CREATE INDEX playback_sessions_live_idx ON playback_sessions (user_id, last_heartbeat_at) WHERE ended_at IS NULL;
CREATE INDEX playback_sessions_silent_idx ON playback_sessions (last_heartbeat_at) WHERE ended_at IS NULL;
