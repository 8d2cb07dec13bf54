#!/usr/bin/env bash
# The main job on a fresh machine, in one command: bash etl/quickstart.sh
#
# Uses DATABASE_URL when set; otherwise starts a throwaway PostgreSQL (left running so you
# can explore it: `eval "$(bash etl/dev-db.sh env)"; psql "$DATABASE_URL"`, stop it with
# `bash etl/dev-db.sh stop`). Then builds, migrates and prints the schema summary.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
log() { echo "quickstart: $*" >&2; }

if [ -z "${DATABASE_URL:-}" ]; then
    eval "$(bash etl/dev-db.sh start)"
    export DATABASE_URL
    started_db=1
else
    log "using DATABASE_URL from the environment"
    started_db=0
fi

command -v swift >/dev/null || { log "swift is not on PATH (install a Swift 6 toolchain from swift.org)"; exit 1; }
log "swift build"
swift build --product invest-etl </dev/null
bin="$(swift build --show-bin-path)/invest-etl"

log "invest-etl migrate"
"$bin" migrate --sql-dir "$repo_root/sql"

# --- the main job: load the bundled county files, print the month's alerts ------------------
log "invest-etl load etl/samples"
"$bin" load "$repo_root/etl/samples"
latest_month="$(find "$repo_root/etl/samples" -name '[0-9][0-9][0-9][0-9]-[0-9][0-9]_*' -printf '%f\n' | cut -c1-7 | sort | tail -n 1)"
log "swift build --product invest-report"
swift build --product invest-report </dev/null
report_bin="$(swift build --show-bin-path)/invest-report"
echo
echo "== invest-report alerts --month $latest_month =="
"$report_bin" alerts --month "$latest_month"

if [ "$started_db" -eq 1 ]; then
    echo
    echo "The database is still running. To use it:"
    echo "  eval \"\$(bash etl/dev-db.sh env)\"; psql \"\$DATABASE_URL\""
    echo "Stop it with: bash etl/dev-db.sh stop"
fi
