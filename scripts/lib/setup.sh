# shellcheck shell=bash
# scripts/lib/setup.sh — sourced by scripts/run and scripts/test. Makes sure this machine has what Marquee needs
# (a JDK >= 17, curl, psql, PostgreSQL with pgvector, Redis) and exports:
#   JAVA_HOME, PATH     newest JDK >= 17 under /usr/lib/jvm
#   DATABASE_URL        postgresql://user:password@host:port/db   (libpq URI; kept as is when already set)
#   REDIS_URL           redis://host:port                         (kept as is when already set)
#   JWT_SECRET          base64 of 48 random bytes                 (kept as is when already set)
# Works as root, or as a normal user with sudo for the privileged steps. Each step is skipped when its result is
# already there, so a second run installs nothing. Generated secrets live in .marquee/dev.env (git-ignored, 0600).
set -euo pipefail

MARQUEE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MARQUEE_ENV_FILE=$MARQUEE_ROOT/.marquee/dev.env
MARQUEE_DEBIAN_MIRROR=${MARQUEE_DEBIAN_MIRROR:-http://deb.debian.org/debian}

log() { printf 'marquee: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { (cd / && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres -- "$@"; fi); }
random_b64() { head -c "$1" /dev/urandom | base64 -w0; }

_apt_updated=
apt_install() { # apt_install pkg... — apt-get update at most once per run, and only when something is installed
  [ $# -gt 0 ] || return 0
  log "installing $*"
  if [ -z "$_apt_updated" ]; then as_root apt-get update -qq; _apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

jdk_major() { # feature version of the JDK in $1 (from its release file, else from java -version)
  local v
  v=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$1/release" 2>/dev/null || true)
  [ -n "$v" ] || v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p' || true)
  v=${v#1.}
  echo "${v%%[!0-9]*}"
}

find_jdk() { # sets JAVA_HOME to the newest JDK >= 17 under /usr/lib/jvm; fails when there is none
  local d v best= best_v=16
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ ! -L "$d" ] && [ -x "$d/bin/javac" ] || continue
    v=$(jdk_major "$d")
    [ -n "$v" ] && [ "$v" -gt "$best_v" ] || continue
    best=$d best_v=$v
  done
  [ -n "$best" ] && JAVA_HOME=$best
}

# ---- packages: everything missing, in one apt-get install ----
pkgs=()
find_jdk || pkgs+=(openjdk-17-jdk-headless)
command -v curl >/dev/null || pkgs+=(curl)
command -v psql >/dev/null || pkgs+=(postgresql-client)
[ -n "${DATABASE_URL:-}" ] || compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || pkgs+=(postgresql)
[ -n "${REDIS_URL:-}" ] || command -v redis-server >/dev/null || pkgs+=(redis-server)
[ "$(id -u)" = 0 ] || [ ${#pkgs[@]} = 0 ] || command -v sudo >/dev/null || die "need root or sudo to install ${pkgs[*]}"
apt_install "${pkgs[@]}"
unset pkgs
find_jdk || die "no JDK >= 17 found under /usr/lib/jvm"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.9's own libraries (Guice, Guava) use sun.misc.Unsafe, which JDK 24+ warns about on every build
[ "$(jdk_major "$JAVA_HOME")" -lt 24 ] || export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}"

# ---- secrets: generated once, kept in .marquee/dev.env ----
MARQUEE_DB_PASSWORD='' MARQUEE_JWT_SECRET=''
# shellcheck source=/dev/null
[ ! -f "$MARQUEE_ENV_FILE" ] || . "$MARQUEE_ENV_FILE"
dev_env_save() {
  mkdir -p "${MARQUEE_ENV_FILE%/*}"
  (umask 077 && printf "# local secrets, written by scripts/lib/setup.sh\nMARQUEE_DB_PASSWORD='%s'\nMARQUEE_JWT_SECRET='%s'\n" \
    "$MARQUEE_DB_PASSWORD" "$MARQUEE_JWT_SECRET" >"$MARQUEE_ENV_FILE")
  chmod 600 "$MARQUEE_ENV_FILE"
}
if [ -z "${JWT_SECRET:-}" ] && [ -z "$MARQUEE_JWT_SECRET" ]; then
  MARQUEE_JWT_SECRET=$(random_b64 48) && dev_env_save
fi
export JWT_SECRET=${JWT_SECRET:-$MARQUEE_JWT_SECRET}

# ---- PostgreSQL ----
psql_admin() { # psql_admin <db> <sql> — superuser SQL through the Unix socket of the cluster we manage
  as_postgres psql -X -q -At -v ON_ERROR_STOP=1 -p "$PG_PORT" -d "$1" -c "SET client_min_messages = warning" -c "$2"
}

build_pgvector() { # as ARCHITECTURE.md "pgvector on Debian 12": Debian trixie's source, built for our server
  local dir apt_opts p need=()
  log "building pgvector for PostgreSQL $PG_VERSION (once)"
  for p in "postgresql-server-dev-$PG_VERSION" build-essential dpkg-dev; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = "install ok installed" ] || need+=("$p")
  done
  apt_install "${need[@]}"
  dir=$(mktemp -d)
  mkdir -p "$dir/lists/partial" "$dir/cache"
  echo "deb-src $MARQUEE_DEBIAN_MIRROR trixie main" >"$dir/trixie.list"
  # own sources file, lists and cache: the system's apt state stays untouched
  apt_opts=(-qq -o "Dir::Etc::SourceList=$dir/trixie.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" -o APT::Sandbox::User=root)
  apt-get "${apt_opts[@]}" update
  (cd "$dir" && apt-get "${apt_opts[@]}" source pgvector >/dev/null 2>&1)
  make -s -C "$dir"/pgvector-*/ PG_CONFIG="/usr/lib/postgresql/$PG_VERSION/bin/pg_config" OPTFLAGS="" >/dev/null
  as_root make -s -C "$dir"/pgvector-*/ PG_CONFIG="/usr/lib/postgresql/$PG_VERSION/bin/pg_config" install >/dev/null
  rm -rf "$dir"
}

if [ -n "${DATABASE_URL:-}" ]; then
  MARQUEE_PG_MANAGED=0
else
  MARQUEE_PG_MANAGED=1
  PG_VERSION=$(pg_lsclusters -h | awk '$2 == "main" { print $1 }' | sort -n | tail -n1)
  if [ -z "$PG_VERSION" ]; then
    PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -n1)
    log "creating PostgreSQL $PG_VERSION cluster 'main'"
    as_root pg_createcluster "$PG_VERSION" main >/dev/null
  fi
  read -r PG_PORT PG_STATUS < <(pg_lsclusters -h "$PG_VERSION" main | awk '{ print $3, $4 }')
  if [ "$PG_STATUS" != online ]; then
    log "starting PostgreSQL $PG_VERSION"
    as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
  fi
  [ "$(psql_admin postgres "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")" = 1 ] || build_pgvector

  [ -n "$MARQUEE_DB_PASSWORD" ] || { MARQUEE_DB_PASSWORD=$(random_b64 30 | tr '+/' '-_') && dev_env_save; }
  role_sql=
  if [ "$(psql_admin postgres "SELECT count(*) FROM pg_roles WHERE rolname = 'marquee'")" = 0 ]; then
    log "creating PostgreSQL role and database 'marquee'"
    role_sql="CREATE ROLE marquee LOGIN PASSWORD :'pw'"
  elif ! PGPASSWORD=$MARQUEE_DB_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -At -h 127.0.0.1 -p "$PG_PORT" -U marquee \
    -d postgres -c 'SELECT 1' >/dev/null 2>&1; then # e.g. the role was made by another checkout
    log "setting the password of PostgreSQL role 'marquee'"
    role_sql="ALTER ROLE marquee LOGIN PASSWORD :'pw'"
  fi
  if [ -n "$role_sql" ]; then # through stdin: the password stays out of the process list
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres -v pw="$MARQUEE_DB_PASSWORD" <<<"$role_sql;"
  fi
  unset role_sql
  [ "$(psql_admin postgres "SELECT count(*) FROM pg_database WHERE datname = 'marquee'")" = 1 ] \
    || psql_admin postgres "CREATE DATABASE marquee OWNER marquee"
  [ "$(psql_admin marquee "SELECT count(*) FROM pg_extension WHERE extname IN ('vector', 'pg_trgm', 'btree_gist')")" = 3 ] \
    || psql_admin marquee "CREATE EXTENSION IF NOT EXISTS vector; CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS btree_gist"
  export DATABASE_URL="postgresql://marquee:$MARQUEE_DB_PASSWORD@127.0.0.1:$PG_PORT/marquee"
fi

fresh_database() { # fresh_database <name> — (re)creates an empty database and points DATABASE_URL at it
  local db=$1 base=${DATABASE_URL%%\?*} query
  query=${DATABASE_URL#"$base"}
  if [ "$MARQUEE_PG_MANAGED" = 1 ]; then
    psql_admin postgres "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    psql_admin postgres "CREATE DATABASE \"$db\" OWNER marquee"
    psql_admin "$db" "CREATE EXTENSION vector; CREATE EXTENSION pg_trgm; CREATE EXTENSION btree_gist"
  else # as the user of DATABASE_URL, through its maintenance database
    local admin=(psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning")
    "${admin[@]}" -d "${base%/*}/postgres$query" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    "${admin[@]}" -d "${base%/*}/postgres$query" -c "CREATE DATABASE \"$db\""
    "${admin[@]}" -d "${base%/*}/$db$query" -c "CREATE EXTENSION IF NOT EXISTS vector" \
      -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" -c "CREATE EXTENSION IF NOT EXISTS btree_gist"
  fi
  export DATABASE_URL="${base%/*}/$db$query"
}

# ---- Redis ----
if [ -z "${REDIS_URL:-}" ]; then
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting Redis"
    mkdir -p "$MARQUEE_ROOT/.marquee/redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
      --dir "$MARQUEE_ROOT/.marquee/redis" --logfile "$MARQUEE_ROOT/.marquee/redis.log"
    for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break || sleep 0.1; done
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || die "Redis did not start, see .marquee/redis.log"
  fi
  export REDIS_URL=redis://127.0.0.1:6379
fi

_db=${DATABASE_URL##*@} # what we use, without the password
log "JDK $(jdk_major "$JAVA_HOME") at $JAVA_HOME; PostgreSQL ${_db%%\?*}; Redis ${REDIS_URL##*@}"
unset _db
