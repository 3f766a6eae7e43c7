-- Discovery: one embedding per title (all-MiniLM-L6-v2, 384-d, L2-normalised) and the admin embedding jobs.

CREATE TABLE content_embeddings (
    title_id      uuid        PRIMARY KEY REFERENCES titles (id) ON DELETE CASCADE,
    embedding     vector(384) NOT NULL,
    model_version varchar(50) NOT NULL,
    text_hash     bytea       NOT NULL, -- SHA-256 of the UTF-8 text the embedding was computed from
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Cosine distance (<=>) is what semantic search orders by.
CREATE INDEX content_embeddings_hnsw ON content_embeddings
    USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);

-- Admin embedding jobs: progress readable from every instance; at most one running job across all of them.
CREATE TABLE embedding_jobs (
    id          uuid        PRIMARY KEY,
    state       varchar(20) NOT NULL CHECK (state IN ('running', 'finished', 'failed')),
    regenerate  boolean     NOT NULL,
    total       integer     NOT NULL DEFAULT 0 CHECK (total >= 0),
    done        integer     NOT NULL DEFAULT 0 CHECK (done >= 0),
    failed      integer     NOT NULL DEFAULT 0 CHECK (failed >= 0),
    error       text,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now() -- heartbeat: a running job not updated for long is abandoned
);

CREATE UNIQUE INDEX embedding_jobs_one_running ON embedding_jobs ((true)) WHERE state = 'running';
CREATE INDEX embedding_jobs_by_start ON embedding_jobs (started_at DESC);
