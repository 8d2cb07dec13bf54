#!/usr/bin/env bash
# The nightly job wrapper: reads the settings (INVEST_ETL_ENV, default
# /etc/invest-etl/invest-etl.env, or the environment systemd passes), then runs
#   invest-etl run --inbox "$INVEST_INBOX" --archive "$INVEST_ARCHIVE"
# and exits with its code (0 all loaded, 65 a file rejected, 69 database unavailable,
# 75 another loader holds the lock, 70 internal error). Safe to start twice: the second
# copy exits 75 at once.
set -euo pipefail

env_file="${INVEST_ETL_ENV:-/etc/invest-etl/invest-etl.env}"
if [ -r "$env_file" ]; then
    set -a
    # shellcheck disable=SC1090
    . "$env_file"
    set +a
fi

: "${INVEST_INBOX:?set INVEST_INBOX (see etl/invest-etl.env.example)}"
: "${INVEST_ARCHIVE:?set INVEST_ARCHIVE (see etl/invest-etl.env.example)}"
bin="${INVEST_ETL_BIN:-invest-etl}"

args=(run --inbox "$INVEST_INBOX" --archive "$INVEST_ARCHIVE" --log-format "${INVEST_LOG_FORMAT:-text}")
if [ -n "${INVEST_MAX_REJECTS:-}" ]; then
    args+=(--max-rejects "$INVEST_MAX_REJECTS")
fi

echo "nightly: $(date -Is) start" >&2
set +e
"$bin" "${args[@]}"
code=$?
set -e
echo "nightly: $(date -Is) exit $code" >&2
exit "$code"
