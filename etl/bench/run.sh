#!/usr/bin/env bash
# The performance benchmark (issue 6). For people, not CI: one run on a fresh machine
# (Debian/Ubuntu; run as root to let it install what is missing) does everything on ONE
# throwaway PostgreSQL server and writes the figures into docs/benchmarks.md.
#
#   bash etl/bench/run.sh [WORK_DIR]          (default /tmp/invest-bench; needs ~8 GB free)
#
# Steps:
#   0. installs postgresql, libpq-dev, pgloader, time (apt) and pandas (pip) when missing;
#      builds invest-etl and invest-report in release mode (.build-bench);
#   1. corpus: `invest-etl sample --scale large` (≥ 1,000,000 project-month rows, GBK county
#      files with titles, two-row headers, sections, subtotals, notes) and, from the same data,
#      the normalised long CSV of the facts (--normalized-csv);
#   2. (a) floor: psql \copy of the normalised CSV into bench.fact_floor, shaped and indexed
#      like dw.fact_project_month (numeric(20,6) money; its primary key and its two report
#      indexes, on the CSV's region and project code; not its batch index: the CSV has no batch);
#      (b) peer: pgloader, same CSV, same (emptied) table;
#      (c) this project: `invest-etl load` of all county files into the migrated warehouse;
#      (d) parsing: pandas read_csv(encoding="gb18030") vs `invest-etl read --stats`, same files;
#   3. memory: one project-progress file of BENCH_HUGE_MB (default 1024) MB loaded by invest-etl;
#   4. reports: the facts grown to BENCH_XL_FACTS (default 10,000,000) by etl/bench/xl_facts.sql
#      (summaries recomputed by the loader's own dw.refresh_project_aggregates), then every
#      invest-report subcommand and every analyst view timed (median), and a count(*) scan;
#   5. writes the results section of docs/benchmarks.md (between the bench markers).
# Each timed step runs under /usr/bin/time -v for wall time and peak RSS.
# Knobs: BENCH_HUGE_MB=0 or BENCH_XL_FACTS=0 skip steps 3 or 4; BENCH_REPORT_MONTH (2022-06);
# BENCH_SCRATCH (swift scratch path for the release build, default .build-bench).
set -Eeuo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/invest-bench}"
huge_mb="${BENCH_HUGE_MB:-1024}"
xl_facts="${BENCH_XL_FACTS:-10000000}"
report_month="${BENCH_REPORT_MONTH:-2022-06}"
results="$work/results"
mkdir -p "$work" "$results"
log() { echo "bench: $*" >&2; }

# --- 0. tools ------------------------------------------------------------------------------
need=()
for pkg in postgresql libpq-dev pgloader time python3-pip; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then log "missing: ${need[*]} (sudo apt-get install -y ${need[*]})"; exit 1; fi
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null >/dev/null
fi
if ! python3 -c "import pandas" 2>/dev/null; then
    log "installing pandas (pip)"
    python3 -m pip install -q pandas 2>/dev/null || python3 -m pip install -q --break-system-packages pandas
fi

scratch="${BENCH_SCRATCH:-$root/.build-bench}"
log "building release binaries ($scratch)"
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product invest-etl >&2
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product invest-report >&2
bin="$scratch/release"
export INVEST_SQL_DIR="$root/sql"

# --- throwaway server ----------------------------------------------------------------------
eval "$(DEV_DB_STATE_FILE="$work/dev-db.env" bash "$root/etl/dev-db.sh" start)"
trap 'bash "$root/etl/dev-db.sh" stop "$DEV_DB_DIR" >/dev/null 2>&1 || true' EXIT
export DATABASE_URL
psqlq() { psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" "$@"; }

# Runs a command under /usr/bin/time -v; writes NAME.time and NAME.out in $results.
timed() {
    local name="$1"; shift
    log "timing $name: $*"
    /usr/bin/time -v -o "$results/$name.time" "$@" >"$results/$name.out" 2>"$results/$name.err" || {
        local rc=$?
        log "$name exited $rc (see $results/$name.err)"
        echo "$rc" >"$results/$name.rc"
        return 0
    }
    echo 0 >"$results/$name.rc"
}

# --- 1. corpus -----------------------------------------------------------------------------
corpus="$work/large"
facts_csv="$work/large-facts.csv"
if [ ! -f "$work/corpus.done" ]; then
    rm -rf "$corpus"
    "$bin/invest-etl" sample --scale large --out "$corpus" --normalized-csv "$facts_csv" | tee "$results/sample.out"
    touch "$work/corpus.done"
fi
find "$corpus" -name '*重大项目进度.csv' | sort >"$work/project-files.txt"

# --- 2a. floor: psql \copy -----------------------------------------------------------------
psqlq <<'SQL'
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
CREATE TABLE bench.fact_floor (
    region              text    NOT NULL,
    project_code        text    NOT NULL,
    month_key           integer NOT NULL,
    ytd_completed_wan   numeric(20, 6) NOT NULL,
    month_completed_wan numeric(20, 6),
    annual_plan_wan     numeric(20, 6),
    status              text,
    PRIMARY KEY (region, project_code, month_key)
);
-- The indexes of dw.fact_project_month (V008) but its batch index (no batch in the CSV).
CREATE INDEX fact_floor_region_month_ytd_idx ON bench.fact_floor (region, month_key, ytd_completed_wan DESC);
CREATE INDEX fact_floor_stalled_idx ON bench.fact_floor (region, month_key, project_code) WHERE status = '停工';
SQL
timed copy psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" \
    -c "\\copy bench.fact_floor FROM '$facts_csv' WITH (FORMAT csv, HEADER true)"
psqlq -A -t -c "SELECT count(*) FROM bench.fact_floor" >"$results/copy.rows"

# --- 2b. peer: pgloader --------------------------------------------------------------------
psqlq -c "TRUNCATE bench.fact_floor"
cat >"$work/pgloader.load" <<LOAD
LOAD CSV
     FROM '$facts_csv'
          (region, project_code, month_key, ytd_completed_wan, month_completed_wan [null if blanks],
           annual_plan_wan [null if blanks], status [null if blanks])
     INTO $DATABASE_URL
          TARGET TABLE bench.fact_floor
          (region, project_code, month_key, ytd_completed_wan, month_completed_wan, annual_plan_wan, status)
     WITH skip header = 1, fields optionally enclosed by '"', fields escaped by double-quote,
          fields terminated by ','
      SET client_encoding to 'utf8';
LOAD
timed pgloader pgloader --no-ssl-cert-verification "$work/pgloader.load"
psqlq -A -t -c "SELECT count(*) FROM bench.fact_floor" >"$results/pgloader.rows"
psqlq -c "DROP SCHEMA bench CASCADE"

# --- 2c. this project: invest-etl load -----------------------------------------------------
"$bin/invest-etl" migrate >/dev/null
timed load "$bin/invest-etl" load "$corpus"
psqlq -A -t -c "SELECT count(*) FROM dw.fact_project_month" >"$results/load.facts"
psqlq -A -t -c "SELECT coalesce(sum(rows_loaded), 0) FROM etl.load_batch WHERE status = 'loaded'" >"$results/load.rows"

# --- 2d. parsing: pandas vs SheetReader ----------------------------------------------------
timed pandas python3 "$root/etl/bench/pandas_read.py" "$work/project-files.txt"
# shellcheck disable=SC2046
timed reader "$bin/invest-etl" read --stats $(cat "$work/project-files.txt")

# --- 3. memory: one big file ---------------------------------------------------------------
if [ "$huge_mb" -gt 0 ]; then
    huge="$work/huge/2022-06_灵山县_重大项目进度.csv"
    if [ ! -s "$huge" ]; then
        mkdir -p "$work/huge"
        python3 "$root/etl/bench/huge_file.py" "$huge" "$huge_mb" >"$results/huge.gen"
    fi
    # Its own database on the same server, so its 4 million projects do not skew the reports.
    huge_url="${DATABASE_URL%/*}/bench_huge"
    psqlq -c "DROP DATABASE IF EXISTS bench_huge" -c "CREATE DATABASE bench_huge"
    DATABASE_URL="$huge_url" "$bin/invest-etl" migrate >/dev/null
    DATABASE_URL="$huge_url" timed huge "$bin/invest-etl" load "$huge"
    psql -X -q -A -t "$huge_url" -c "SELECT rows_loaded FROM etl.load_batch ORDER BY batch_key DESC LIMIT 1" \
        >"$results/huge.rows"
    stat -c %s "$huge" >"$results/huge.bytes"
    psqlq -c "DROP DATABASE bench_huge"
fi

# --- 4. reports at scale -------------------------------------------------------------------
if [ "$xl_facts" -gt 0 ]; then
    log "growing the facts to $xl_facts"
    timed xl psql -X -q -v ON_ERROR_STOP=1 -v target="$xl_facts" "$DATABASE_URL" -f "$root/etl/bench/xl_facts.sql"
    psqlq -c "VACUUM ANALYZE" >/dev/null
    python3 "$root/etl/bench/report_latency.py" "$bin/invest-report" "$report_month" "$results/reports.json" \
        | tee "$results/reports.txt"
fi

# --- 5. the document -----------------------------------------------------------------------
psqlq -A -t -c "SHOW server_version" >"$results/server_version"
python3 "$root/etl/bench/write_doc.py" "$work" "$root/docs/benchmarks.md"
log "done: docs/benchmarks.md updated (raw figures in $results)"
