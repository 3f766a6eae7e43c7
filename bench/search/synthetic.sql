-- bench/search: a synthetic catalog of :n titles (psql -v n=10000) with genres and cast, built from word lists with a
-- fixed seed, so every run makes the same catalog. Text is varied enough that full-text, trigram and vector search
-- each have real work: titles from adjective × noun (× place), synopses from role, deed, place and stakes, 3–6 cast
-- members from 60 × 60 names, the demo's genres, mood and theme tags. bench_titles numbers the new titles.
SELECT setseed(0.42);

CREATE TABLE bench_words AS SELECT
    ARRAY['Silent', 'Broken', 'Golden', 'Last', 'Hidden', 'Crimson', 'Frozen', 'Burning', 'Distant', 'Wild', 'Hollow',
          'Restless', 'Electric', 'Forgotten', 'Iron', 'Midnight', 'Paper', 'Velvet', 'Bitter', 'Northern', 'Lonely',
          'Endless', 'Secret', 'Savage', 'Quiet', 'Falling', 'Glass', 'Scarlet', 'Shattered', 'Wandering', 'Lucky',
          'Stolen', 'Sunken', 'Painted', 'Borrowed', 'Tender', 'Rising', 'Fading', 'Copper', 'Neon'] AS adj,
    ARRAY['Harbour', 'Signal', 'Crown', 'River', 'Garden', 'Empire', 'Orchard', 'Frontier', 'Lighthouse', 'Protocol',
          'Kingdom', 'Station', 'Mirror', 'Winter', 'Summer', 'Horizon', 'Machine', 'Witness', 'Covenant', 'Archive',
          'Voyage', 'Island', 'Canyon', 'Circuit', 'Letter', 'Heist', 'Verdict', 'Symphony', 'Carnival', 'Wolves',
          'Tide', 'Engine', 'Compass', 'Alibi', 'Ritual', 'Monsoon', 'Echo', 'Citadel', 'Ledger', 'Meridian'] AS noun,
    ARRAY['Lisbon', 'the Moon', 'Kyoto', 'the Arctic', 'Nairobi', 'Glasgow', 'the Desert', 'Marseille', 'Montana',
          'Havana', 'the Deep', 'Oslo', 'Mumbai', 'Patagonia', 'Berlin', 'the Valley'] AS place_name,
    ARRAY['detective', 'nurse', 'chef', 'smuggler', 'astronaut', 'schoolteacher', 'hacker', 'widow', 'boxer',
          'architect', 'journalist', 'beekeeper', 'pilot', 'violinist', 'forger', 'park ranger', 'marine biologist',
          'priest', 'stuntwoman', 'taxi driver', 'surgeon', 'fisherman', 'mayor', 'runaway teenager', 'retired spy',
          'chess prodigy', 'night guard', 'florist', 'lawyer', 'veterinarian'] AS role,
    ARRAY['uncovers a conspiracy inside', 'falls in love with a stranger from', 'plans one last robbery of',
          'investigates a string of disappearances in', 'inherits a crumbling hotel in', 'fights to save a farm near',
          'is hunted by assassins across', 'opens a tiny restaurant in', 'coaches a hopeless football team in',
          'discovers a portal beneath', 'tries to reunite a scattered family in', 'races to stop an outbreak in',
          'survives a shipwreck off', 'joins a travelling circus through', 'must solve a murder aboard a train to',
          'teaches robots to paint in', 'runs for office in', 'searches for a lost brother in',
          'guards a dangerous secret in', 'trains for the championship of'] AS deed,
    ARRAY['a fishing village', 'a drowned city', 'a border town', 'an orbital colony', 'a haunted boarding school',
          'a snowbound mountain pass', 'a jazz club', 'a failing vineyard', 'a royal court', 'a refugee camp',
          'an abandoned amusement park', 'a floating market', 'a research base', 'a small-town bakery',
          'a casino', 'a prison island', 'a monastery', 'a newsroom', 'a submarine', 'a desert highway'] AS setting,
    ARRAY['the truth could topple a government', 'an old rival returns', 'a storm cuts off every road',
          'the money runs out', 'a child goes missing', 'the past refuses to stay buried',
          'an impossible choice divides the family', 'the machines start to dream', 'a festival brings strangers together',
          'the river floods', 'a letter arrives decades late', 'the tide of war turns'] AS twist,
    ARRAY['tense', 'heartwarming', 'dark', 'funny', 'uplifting', 'melancholic', 'thrilling', 'romantic', 'eerie',
          'whimsical', 'gritty', 'hopeful', 'suspenseful', 'cozy', 'bittersweet'] AS mood,
    ARRAY['family', 'redemption', 'betrayal', 'survival', 'friendship', 'identity', 'revenge', 'first love', 'grief',
          'ambition', 'justice', 'coming of age', 'loyalty', 'freedom', 'technology', 'climate', 'power', 'faith'] AS theme,
    ARRAY['Amara', 'Ben', 'Chiara', 'Diego', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonah', 'Kavya', 'Liam', 'Mei',
          'Nikolai', 'Olu', 'Priya', 'Quentin', 'Rosa', 'Sami', 'Tess', 'Umar', 'Vera', 'Wes', 'Ximena', 'Yusuf', 'Zoe',
          'Aiden', 'Bianca', 'Cyrus', 'Dalia', 'Emil', 'Fiona', 'Gael', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Mateo',
          'Nadia', 'Oscar', 'Paloma', 'Rafael', 'Sofia', 'Tomas', 'Uma', 'Viktor', 'Willa', 'Xavier', 'Yara', 'Zain',
          'Astrid', 'Bruno', 'Carmen', 'Dev', 'Eva', 'Felix', 'Gloria', 'Hugo', 'Isla'] AS first_name,
    ARRAY['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Alvarez', 'Novak', 'Haddad', 'Kowalski', 'Fitzgerald', 'Rossi',
          'Nakamura', 'Mensah', 'Bergstrom', 'Castillo', 'Dubois', 'Ivanova', 'Sato', 'Oyelaran', 'Brennan', 'Costa',
          'Kaur', 'Lindgren', 'Petrov', 'Quinn', 'Rahman', 'Schmidt', 'Takahashi', 'Underwood', 'Varga', 'Whitaker',
          'Yilmaz', 'Zhang', 'Abbott', 'Bianchi', 'Chowdhury', 'Delgado', 'Eriksen', 'Fontaine', 'Gallagher', 'Horvat',
          'Iqbal', 'Jensen', 'Kim', 'Laurent', 'Mwangi', 'Nilsson', 'Ortega', 'Park', 'Reyes', 'Silva', 'Torres',
          'Vasquez', 'Wójcik', 'Xu', 'Yamamoto', 'Zeller', 'Adeyemi', 'Byrne', 'Cohen', 'Duarte'] AS last_name,
    ARRAY['TV-Y', 'TV-G', 'TV-PG', 'TV-PG', 'TV-14', 'TV-14', 'TV-14', 'TV-MA', 'TV-MA'] AS rating;

-- one random element of an array
CREATE FUNCTION pick(anyarray) RETURNS anyelement LANGUAGE sql VOLATILE AS
$$ SELECT $1[1 + floor(random() * array_length($1, 1))::int] $$;

CREATE TABLE bench_titles (n int PRIMARY KEY, id uuid NOT NULL);

WITH made AS (
    SELECT i,
           CASE i % 4 WHEN 0 THEN 'The ' || pick(w.adj) || ' ' || pick(w.noun)
                      WHEN 1 THEN pick(w.adj) || ' ' || pick(w.noun) || ' of ' || pick(w.place_name)
                      WHEN 2 THEN 'A ' || pick(w.noun) || ' in ' || pick(w.place_name)
                      ELSE pick(w.noun) || ' ' || (2 + i % 9)::text END AS title,
           pick(w.role) AS role, pick(w.deed) AS deed, pick(w.setting) AS setting, pick(w.twist) AS twist,
           ARRAY[pick(w.mood), pick(w.mood)] AS moods, ARRAY[pick(w.theme), pick(w.theme)] AS themes,
           pick(w.rating) AS rating, pick(w.place_name) AS place
    FROM generate_series(1, :n) i, bench_words w
), t AS (
    INSERT INTO titles (title, title_type, synopsis_short, synopsis_long, release_year, duration_minutes, age_rating,
                        country_of_origin, language, mood_tags, theme_tags, ai_description)
    SELECT title, CASE WHEN i % 5 = 0 THEN 'series' ELSE 'movie' END,
           'A ' || role || ' ' || deed || ' ' || setting || '.',
           'When ' || twist || ', a ' || role || ' from ' || place || ' ' || deed || ' ' || setting
               || '. What begins as a favour becomes a fight over ' || themes[1] || ' and ' || themes[2]
               || ', and nobody leaves unchanged.',
           1960 + i % 66, 80 + i % 70, rating, 'US', 'en', ARRAY(SELECT DISTINCT unnest(moods)),
           ARRAY(SELECT DISTINCT unnest(themes)),
           'A ' || moods[1] || ' story of ' || themes[1] || ' about a ' || role || ' in ' || setting || '.'
    FROM made
    ORDER BY i
    RETURNING id
)
INSERT INTO bench_titles SELECT row_number() OVER (), id FROM t;

INSERT INTO title_genres (title_id, genre_id, is_primary)
SELECT b.id, g.ids[1 + (b.n * 7 + k * 5) % array_length(g.ids, 1)], k = 1
FROM bench_titles b, (SELECT array_agg(id ORDER BY name) AS ids FROM genres) g, generate_series(1, 1 + b.n % 3) k
ON CONFLICT DO NOTHING;

INSERT INTO title_cast (title_id, person_name, role, character_name, sort_order)
SELECT b.id, pick(w.first_name) || ' ' || pick(w.last_name), CASE WHEN k = 1 THEN 'director' ELSE 'actor' END,
       NULL, k
FROM bench_titles b, bench_words w, generate_series(1, 3 + b.n % 4) k;

DROP FUNCTION pick(anyarray);
ANALYZE titles;
ANALYZE title_genres;
ANALYZE title_cast;
