"""Inputs of bench/search/run, from the labelled queries of bench/search-quality/queries.json.

  prepare.py queries                      the query texts, one a line
  prepare.py paths MODE PROFILE_ID        the search request paths for MODE, one a line (page_size 20, as the app's
                                          default)
  prepare.py pgbench DIR VECTORS          pgbench scripts in DIR: the SQL that one search of each mode runs, as the
                                          application sends it (same statements, transactions and settings), one
                                          script per query with that query's text and vector (VECTORS: one pgvector
                                          literal a line, in query order) written in: kw_N.sql, sem_N.sql, hyb_N.sql;
                                          and explain.sql: the hybrid SQL of the first query with EXPLAIN ANALYZE
"""
import json
import os
import re
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
QUERIES = [q["q"] for q in json.load(open(os.path.join(HERE, "..", "search-quality", "queries.json")))["queries"]]
PAGE_SIZE = 20
CANDIDATES = 50  # marquee.discovery.candidates: hybrid's depth of each ranked list
EF_SEARCH = 100  # marquee.discovery.ef-search
MIN_SIMILARITY = 0.2  # marquee.discovery.min-similarity
TRGM_THRESHOLD = 0.4  # marquee.catalog.similarity-threshold

# Copies of the application's statements (catalog CatalogReads.keywordHits with KeywordPredicate, discovery
# EmbeddingStore.nearest) for a profile without a parental filter; :q, :v and :limit are filled in per script.
TSQUERY = "websearch_to_tsquery('english', CAST(:q AS text))"
KEYWORD = f"""BEGIN;
SELECT set_config('pg_trgm.word_similarity_threshold', '{TRGM_THRESHOLD}', true);
SELECT t.id AS title_id, (ts_rank(t.search_vector, {TSQUERY}) + word_similarity(CAST(:q AS text), t.title)) AS rank,
 CASE WHEN NOT t.search_vector @@ {TSQUERY} THEN 'Similar title' ELSE coalesce(nullif(concat_ws(' · ', CASE WHEN tsvector_to_array(ts_filter(t.search_vector, '{{a}}')) && tsvector_to_array(to_tsvector('english', CAST(:q AS text))) THEN 'Title match' END, CASE WHEN tsvector_to_array(ts_filter(t.search_vector, '{{c}}')) && tsvector_to_array(to_tsvector('english', CAST(:q AS text))) THEN 'Description match' END, CASE WHEN tsvector_to_array(ts_filter(t.search_vector, '{{b}}')) && tsvector_to_array(to_tsvector('english', CAST(:q AS text))) THEN 'Cast match' END), ''), 'Keyword match') END AS match_reason FROM titles t WHERE (CAST(NULL AS text[]) IS NULL OR t.age_rating = ANY(CAST(NULL AS text[]))) AND (t.search_vector @@ {TSQUERY} OR CAST(:q AS text) <% t.title) ORDER BY rank DESC, t.title, t.id LIMIT :limit;
COMMIT;
"""
NEAREST = f"""BEGIN;
SELECT set_config('hnsw.ef_search', ':ef', true), set_config('hnsw.iterative_scan', 'strict_order', true);
SELECT h.title_id, 1 - h.distance AS similarity FROM (SELECT e.title_id, e.embedding <=> CAST(:v AS vector) AS distance FROM content_embeddings e JOIN titles t ON t.id = e.title_id WHERE (CAST(NULL AS text[]) IS NULL OR t.age_rating = ANY(NULL)) AND e.title_id <> ALL(CAST('{{}}' AS uuid[])) ORDER BY e.embedding <=> CAST(:v AS vector) LIMIT :limit) h WHERE 1 - h.distance >= {MIN_SIMILARITY} ORDER BY h.distance, h.title_id;
COMMIT;
"""


def sql_text(s):
    return "'" + s.replace("'", "''") + "'"


def fill(template, q=None, v=None, limit=PAGE_SIZE):
    out = template.replace(":limit", str(limit)).replace(":ef", str(max(EF_SEARCH, limit)))
    if q is not None:
        out = out.replace(":q", sql_text(q))
    if v is not None:
        out = out.replace(":v", sql_text(v))
    return out


def main():
    if sys.argv[1] == "queries":
        print("\n".join(QUERIES))
    elif sys.argv[1] == "paths":
        mode, profile = sys.argv[2], sys.argv[3]
        for q in QUERIES:
            print("/api/v1/catalog/search/semantic?" + urllib.parse.urlencode(
                {"q": q, "mode": mode, "page_size": PAGE_SIZE}) + "&profile_id=" + profile)
    elif sys.argv[1] == "pgbench":
        out, vectors = sys.argv[2], [v for v in open(sys.argv[3]).read().splitlines() if v]
        assert len(vectors) == len(QUERIES), "one vector per query"
        for n, (q, v) in enumerate(zip(QUERIES, vectors)):
            scripts = {"kw": fill(KEYWORD, q=q), "sem": fill(NEAREST, v=v),
                       "hyb": fill(KEYWORD, q=q, limit=CANDIDATES) + fill(NEAREST, v=v, limit=CANDIDATES)}
            for name, sql in scripts.items():
                with open(os.path.join(out, f"{name}_{n}.sql"), "w") as f:
                    f.write(sql)
            if n == 0:  # the hybrid SQL of the first query, explained, for psql
                with open(os.path.join(out, "explain.sql"), "w") as f:
                    f.write(re.sub(r"^SELECT (t\.id|h\.title_id)", r"EXPLAIN (ANALYZE, BUFFERS) SELECT \1",
                                   scripts["hyb"], flags=re.M))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
