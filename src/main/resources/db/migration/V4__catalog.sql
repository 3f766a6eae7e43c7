-- Genres, titles, their genres and cast, seasons and episodes (catalog module), and the keyword-search vector.

CREATE TABLE genres (
    id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name varchar(50) NOT NULL CHECK (btrim(name) <> ''),
    slug varchar(50) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT genres_name_key UNIQUE (name),
    CONSTRAINT genres_slug_key UNIQUE (slug)
);

CREATE TABLE titles (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title             varchar(500) NOT NULL CHECK (btrim(title) <> ''),
    title_type        varchar(20)  NOT NULL CHECK (title_type IN ('movie', 'series')),
    synopsis_short    text,
    synopsis_long     text,
    release_year      integer CHECK (release_year BETWEEN 1888 AND 2100),
    duration_minutes  integer CHECK (duration_minutes BETWEEN 1 AND 1440),
    age_rating        varchar(10) CHECK (age_rating IN ('TV-Y', 'TV-G', 'TV-PG', 'TV-14', 'TV-MA')), -- NULL: unrated
    country_of_origin varchar(5),
    language          varchar(10),
    poster_url        varchar(500),
    landscape_url     varchar(500),
    logo_url          varchar(500),
    hls_manifest_url  varchar(500),
    is_featured       boolean      NOT NULL DEFAULT false,
    mood_tags         text[]       NOT NULL DEFAULT '{}',
    theme_tags        text[]       NOT NULL DEFAULT '{}',
    ai_description    text,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    -- Keyword search (SPEC §4): title weighted A, cast names B, synopses C; kept current by the triggers below.
    search_vector     tsvector     NOT NULL DEFAULT ''
);
-- browsing: ORDER BY title, id (with or without the type and rating filters)
CREATE INDEX titles_title_idx ON titles (title, id);
-- admin list: newest first
CREATE INDEX titles_created_idx ON titles (created_at DESC, id DESC);
-- featured: newest first
CREATE INDEX titles_featured_idx ON titles (created_at DESC, id DESC) WHERE is_featured;
-- the keyword predicate: full text, and trigram similarity on the title (also serves the admin's ILIKE)
CREATE INDEX titles_search_idx ON titles USING gin (search_vector);
CREATE INDEX titles_title_trgm_idx ON titles USING gin (title gin_trgm_ops);

CREATE TABLE title_genres (
    title_id   uuid    NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    genre_id   uuid    NOT NULL REFERENCES genres (id) ON DELETE CASCADE,
    is_primary boolean NOT NULL DEFAULT false,
    PRIMARY KEY (title_id, genre_id)
);
-- the genre filter: titles of one genre
CREATE INDEX title_genres_genre_idx ON title_genres (genre_id, title_id);

CREATE TABLE title_cast (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title_id       uuid         NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    person_name    varchar(200) NOT NULL CHECK (btrim(person_name) <> ''),
    role           varchar(20)  NOT NULL CHECK (role IN ('actor', 'director', 'writer')),
    character_name varchar(200),
    sort_order     integer      NOT NULL DEFAULT 0
);
CREATE INDEX title_cast_title_idx ON title_cast (title_id, sort_order);

CREATE TABLE seasons (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title_id      uuid         NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    season_number integer      NOT NULL CHECK (season_number BETWEEN 1 AND 1000),
    name          varchar(200),
    synopsis      text,
    CONSTRAINT seasons_title_number_key UNIQUE (title_id, season_number)
);

CREATE TABLE episodes (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    season_id        uuid         NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
    episode_number   integer      NOT NULL CHECK (episode_number BETWEEN 1 AND 10000),
    title            varchar(500) NOT NULL CHECK (btrim(title) <> ''),
    synopsis         text,
    duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 1440),
    hls_manifest_url varchar(500),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT episodes_season_number_key UNIQUE (season_id, episode_number)
);

-- The search vector of one title from its own text and its current cast.
CREATE FUNCTION catalog_search_vector(title_id uuid, title text, synopsis_short text, synopsis_long text)
    RETURNS tsvector
    LANGUAGE sql
    STABLE
AS $$
SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
           || setweight(to_tsvector('english', coalesce((SELECT string_agg(c.person_name, ' ' ORDER BY c.sort_order)
                                                          FROM title_cast c
                                                          WHERE c.title_id = catalog_search_vector.title_id), '')), 'B')
           || setweight(to_tsvector('english', concat_ws(' ', synopsis_short, synopsis_long)), 'C')
$$;

CREATE FUNCTION titles_search_vector_refresh() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.search_vector := catalog_search_vector(NEW.id, NEW.title, NEW.synopsis_short, NEW.synopsis_long);
    RETURN NEW;
END
$$;

CREATE TRIGGER titles_search_vector
    BEFORE INSERT OR UPDATE OF title, synopsis_short, synopsis_long ON titles
    FOR EACH ROW
EXECUTE FUNCTION titles_search_vector_refresh();

-- A cast change refreshes the vectors of the titles it touched, once per statement (replacing a cast is a DELETE and
-- an INSERT, so two updates per title, whatever the size of the cast). Transition tables allow one event per trigger.
CREATE FUNCTION title_cast_search_vector_refresh() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE titles t SET search_vector = catalog_search_vector(t.id, t.title, t.synopsis_short, t.synopsis_long)
        WHERE t.id IN (SELECT title_id FROM cast_new);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE titles t SET search_vector = catalog_search_vector(t.id, t.title, t.synopsis_short, t.synopsis_long)
        WHERE t.id IN (SELECT title_id FROM cast_old);
    ELSE
        UPDATE titles t SET search_vector = catalog_search_vector(t.id, t.title, t.synopsis_short, t.synopsis_long)
        WHERE t.id IN (SELECT title_id FROM cast_new UNION SELECT title_id FROM cast_old);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER title_cast_search_vector_insert
    AFTER INSERT ON title_cast REFERENCING NEW TABLE AS cast_new
    FOR EACH STATEMENT
EXECUTE FUNCTION title_cast_search_vector_refresh();

CREATE TRIGGER title_cast_search_vector_update
    AFTER UPDATE ON title_cast REFERENCING OLD TABLE AS cast_old NEW TABLE AS cast_new
    FOR EACH STATEMENT
EXECUTE FUNCTION title_cast_search_vector_refresh();

CREATE TRIGGER title_cast_search_vector_delete
    AFTER DELETE ON title_cast REFERENCING OLD TABLE AS cast_old
    FOR EACH STATEMENT
EXECUTE FUNCTION title_cast_search_vector_refresh();
