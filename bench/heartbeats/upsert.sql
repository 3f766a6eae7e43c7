-- pgbench script of bench/heartbeats: the heartbeat's single-row upsert, one transaction per heartbeat (autocommit),
-- on the same table, with the same conflict handling as the application's statement.
\set p random(1, :profiles)
\set m random(1, :movies)
\set position random(60, 5060)
INSERT INTO bookmarks (profile_id, content_type, content_id, title_id, position_seconds, duration_seconds, completed,
                       device_type, recorded_at, updated_at)
SELECT bp.id, 'movie', bm.id, bm.id, :position, 6000, false, 'web', now(), now()
FROM bench_profiles bp, bench_movies bm
WHERE bp.n = :p AND bm.n = :m
ON CONFLICT (profile_id, content_id) DO UPDATE SET
    position_seconds = excluded.position_seconds, duration_seconds = excluded.duration_seconds,
    completed = excluded.completed, dismissed_at = NULL, device_type = excluded.device_type,
    recorded_at = excluded.recorded_at, updated_at = excluded.updated_at
WHERE bookmarks.recorded_at <= excluded.recorded_at;
