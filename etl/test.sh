#!/usr/bin/env bash
# THE test command: bash etl/test.sh [swift test arguments, e.g. --filter PostgresClientTests]
#
# Installs what is missing (as root, on Debian/Ubuntu), starts a throwaway PostgreSQL,
# exports DATABASE_URL (and PG_PASSWORD_TEST_URL/PG_PASSWORD_TEST_SECRET for the bad-password
# tests), runs `swift build --build-tests` then `swift test --skip-build`, then 60 s of reader
# fuzzing (etl/fuzz.sh; FUZZ_SECONDS=N changes it, 0 skips), stops the server, and exits non-zero
# if the tests or the fuzzing failed. Works from any directory, in CI (CI=true, no stdin, root) and on a laptop.
# SWIFT_SCRATCH_PATH=.build-x selects another build directory (default: .build).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { echo "test.sh: $*" >&2; }

# --- packages -----------------------------------------------------------------------------
required=(postgresql libpq-dev)
optional=(chromium fonts-wqy-zenhei)  # the HTML bulletin rendering test
missing=()
for pkg in "${required[@]}" "${optional[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        log "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq </dev/null >/dev/null
        apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
    else
        log "missing packages: ${missing[*]}"
        log "install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        for pkg in "${required[@]}"; do
            case " ${missing[*]} " in *" $pkg "*) exit 1 ;; esac
        done
    fi
fi
command -v swift >/dev/null || { log "swift is not on PATH (install a Swift 6 toolchain from swift.org)"; exit 1; }

# --- throwaway database -------------------------------------------------------------------
db_env="$(bash etl/dev-db.sh start)"
eval "$db_env"
# Stop the server however we leave (success, failure, Ctrl-C).
trap 'bash "$repo_root/etl/dev-db.sh" stop "$DEV_DB_DIR" >/dev/null 2>&1 || true' EXIT
trap 'exit 130' INT TERM
export DATABASE_URL PG_PASSWORD_TEST_URL PG_PASSWORD_TEST_SECRET

scratch=()
if [ -n "${SWIFT_SCRATCH_PATH:-}" ]; then scratch=(--scratch-path "$SWIFT_SCRATCH_PATH"); fi

# --- build and test -----------------------------------------------------------------------
# Build everything (executables and tests) once; the CLI tests run the built executables.
log "swift build --build-tests"
swift build --build-tests "${scratch[@]}" </dev/null
log "swift test (DATABASE_URL=$DATABASE_URL)"
status=0
test_log="$(mktemp "${TMPDIR:-/tmp}/invest-test.XXXXXX")"
swift test --skip-build "${scratch[@]}" "$@" </dev/null 2>&1 | tee "$test_log" || status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then log "all tests passed"; else log "swift test failed (exit $status)"; fi

# --- bounded fuzzing of the reader (etl/fuzz.sh; FUZZ_SECONDS=0 skips, e.g. with --filter) ----
fuzz_seconds="${FUZZ_SECONDS:-60}"
if [ "$status" -eq 0 ] && [ "$fuzz_seconds" -gt 0 ]; then
    log "fuzzing the reader for ${fuzz_seconds}s (etl/fuzz.sh)"
    if bash etl/fuzz.sh "$fuzz_seconds"; then log "fuzzing found nothing"; else status=1; log "fuzzing failed"; fi
    # End with the test runner's own closing line, so it is the last thing CI reads.
    grep -E "Test run with|Executed [0-9]+ test" "$test_log" | tail -n 1 || true
fi
rm -f "$test_log"
exit "$status"
