-- Accounts, viewer profiles and refresh-token families (identity module).

CREATE TABLE users (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email             varchar(255) NOT NULL CHECK (email = lower(btrim(email))),
    password_hash     varchar(255) NOT NULL,
    subscription_tier varchar(20)  NOT NULL DEFAULT 'basic' CHECK (subscription_tier IN ('basic', 'standard', 'premium')),
    is_admin          boolean      NOT NULL DEFAULT false,
    is_active         boolean      NOT NULL DEFAULT true,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email)
);
CREATE INDEX users_created_at_idx ON users (created_at, id);

CREATE TABLE profiles (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name            varchar(100) NOT NULL,
    avatar_url      varchar(500),
    parental_rating varchar(10)  NOT NULL DEFAULT 'TV-MA' CHECK (parental_rating IN ('TV-Y', 'TV-G', 'TV-PG', 'TV-14', 'TV-MA')),
    is_kids         boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT profiles_kids_rating CHECK (NOT is_kids OR parental_rating IN ('TV-Y', 'TV-G', 'TV-PG'))
);
CREATE INDEX profiles_user_idx ON profiles (user_id, created_at, id);

-- One row per issued refresh token. A family is the chain of tokens that one sign-in produces by rotation; a row
-- that has been rotated stays until the family ends so that presenting it again (a replay) can revoke the family.
CREATE TABLE refresh_tokens (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id         uuid        NOT NULL,
    token_hash        bytea       NOT NULL CHECK (length(token_hash) = 32), -- SHA-256 of the opaque token
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL, -- idle expiry, never after family_expires_at
    family_expires_at timestamptz NOT NULL, -- absolute expiry of the sign-in
    rotated_at        timestamptz,
    revoked_at        timestamptz,
    CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;
