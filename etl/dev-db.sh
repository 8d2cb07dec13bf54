#!/usr/bin/env bash
# Throwaway PostgreSQL for development and tests.
#
#   bash etl/dev-db.sh start        # start a fresh server; prints `export …` lines (eval them)
#   bash etl/dev-db.sh env          # print the exports of the last started server
#   bash etl/dev-db.sh stop [DIR]   # stop it and delete its folder (default: the last started)
#   bash etl/dev-db.sh pause DIR [fast|immediate]  # stop the server, keep its folder (fault tests)
#   bash etl/dev-db.sh resume DIR   # start a paused server again, same port and data
#
# DEV_DB_STATE_FILE=PATH keeps the exports somewhere else than .tmp/dev-db.env (a second
# server, e.g. the one the fault tests restart, must not replace the first one's state).
#
# The server lives in a temporary folder (data, Unix socket and log inside it), listens on a
# random free TCP port on 127.0.0.1, trusts local connections, and has one password-protected
# role `pw_user` (scram over TCP) so tests can check what a bad password does.
# Run as root, it installs missing `postgresql`/`libpq-dev` and runs the server as the
# `postgres` system user; otherwise it prints what to install and runs as you.
set -Eeuo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state_file="${DEV_DB_STATE_FILE:-$repo_root/.tmp/dev-db.env}"

log() { echo "dev-db: $*" >&2; }

ensure_packages() {
    local missing=()
    for pkg in postgresql libpq-dev; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        log "missing packages: ${missing[*]}"
        log "install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        exit 1
    fi
    log "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

pg_bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        log "cannot find initdb under /usr/lib/postgresql/*/bin (is the postgresql package installed?)"
        exit 1
    fi
    echo "$dir"
}

# Runs a command as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

random_free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 40000 ))
        if port_is_free "$port"; then echo "$port"; return 0; fi
    done
    log "no free TCP port found"
    exit 1
}

start() {
    ensure_packages
    local bindir dir port password
    bindir="$(pg_bindir)"
    # As root the server runs as `postgres`, which must reach the folder: use /tmp then.
    local base="${TMPDIR:-/tmp}"
    if [ "$(id -u)" -eq 0 ]; then base=/tmp; fi
    dir="$(mktemp -d "$base/invest-pg.XXXXXX")"
    # Stop and delete the half-made server if anything below fails.
    trap 'log "start failed; cleaning up"; stop_dir "$dir" >/dev/null 2>&1 || true' ERR
    chmod 700 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale --auth=trust >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; false; }
    password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    cat >"$dir/data/pg_hba.conf" <<HBA
# throwaway server: trust local sockets and TCP, except pw_user which must give its password
local all all                trust
host  all pw_user 127.0.0.1/32 scram-sha-256
host  all all     127.0.0.1/32 trust
HBA
    local started=0
    for _ in 1 2 3 4 5; do
        port="$(random_free_port)"
        cat >>"$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
        if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
            started=1; break
        fi
        log "start on port $port failed, retrying with another port"
    done
    if [ "$started" -ne 1 ]; then tail -n 20 "$dir/server.log" >&2 || true; false; fi
    as_owner "$bindir/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE pw_user LOGIN PASSWORD '$password'" -c "GRANT CREATE ON DATABASE postgres TO pw_user" >/dev/null
    trap - ERR
    mkdir -p "$(dirname "$state_file")"
    {
        echo "export DEV_DB_DIR='$dir'"
        echo "export DATABASE_URL='postgresql://postgres@127.0.0.1:$port/postgres'"
        echo "export PG_PASSWORD_TEST_URL='postgresql://pw_user@127.0.0.1:$port/postgres'"
        echo "export PG_PASSWORD_TEST_SECRET='$password'"
    } | tee "$state_file"
    log "PostgreSQL running in $dir on 127.0.0.1:$port (stop: bash etl/dev-db.sh stop)"
}

stop_dir() {
    local dir="$1" bindir
    [ -n "$dir" ] && [ -d "$dir" ] || return 0
    bindir="$(pg_bindir)"
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 \
            || as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$dir" in
        */invest-pg.*) rm -rf "$dir" ;;
        *) log "not deleting $dir (not a dev-db folder)" ;;
    esac
}

stop() {
    local dir="${1:-}"
    if [ -z "$dir" ] && [ -f "$state_file" ]; then
        dir="$(sed -n "s/^export DEV_DB_DIR='\(.*\)'$/\1/p" "$state_file")"
    fi
    if [ -z "$dir" ]; then log "no server to stop"; return 0; fi
    stop_dir "$dir"
    if [ -f "$state_file" ] && grep -qF "DEV_DB_DIR='$dir'" "$state_file"; then rm -f "$state_file"; fi
    log "stopped $dir"
}

pause() {
    local dir="$1" mode="${2:-fast}" bindir
    [ -d "$dir/data" ] || { log "no server in $dir"; exit 1; }
    bindir="$(pg_bindir)"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m "$mode" -w stop >/dev/null
    log "paused $dir ($mode)"
}

resume() {
    local dir="$1" bindir
    [ -d "$dir/data" ] || { log "no server in $dir"; exit 1; }
    bindir="$(pg_bindir)"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
    log "resumed $dir"
}

case "${1:-}" in
    start) start ;;
    pause) pause "${2:?usage: dev-db.sh pause DIR [fast|immediate]}" "${3:-fast}" ;;
    resume) resume "${2:?usage: dev-db.sh resume DIR}" ;;
    stop) stop "${2:-}" ;;
    env)
        if [ -f "$state_file" ]; then cat "$state_file"; else log "no server started (run: bash etl/dev-db.sh start)"; exit 1; fi ;;
    *) echo "usage: bash etl/dev-db.sh start|stop [DIR]|pause DIR [fast|immediate]|resume DIR|env" >&2; exit 64 ;;
esac
