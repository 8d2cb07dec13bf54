#!/usr/bin/env bash
# Fuzz the sheet reader with libFuzzer:  bash etl/fuzz.sh [SECONDS] [libFuzzer options...]
#
# Builds the `sheet-reader-fuzz` product with -sanitize=fuzzer,address and -D FUZZING (the
# libFuzzer entry point in Sources/sheet-reader-fuzz) into its own scratch path (.build-fuzz,
# or FUZZ_SCRATCH_PATH), then runs it for SECONDS (default 60) starting from the committed
# seed corpus Fuzz/corpus (read only; new inputs go to a temporary folder). Any crash, trap,
# sanitizer report, timeout (10 s per input) or memory blow-up (2 GiB) fails the script and
# leaves the input in Fuzz/crashes/ (replay: sheet-reader-fuzz FILE from a normal build).
# A normal `swift build` builds the same product as a corpus replayer instead; the test
# suite replays Fuzz/corpus with it (ReliabilityTests/FuzzCorpusTests).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
log() { echo "fuzz.sh: $*" >&2; }

seconds="${1:-60}"
if [ $# -gt 0 ]; then shift; fi
case "$seconds" in ''|*[!0-9]*) log "usage: bash etl/fuzz.sh [SECONDS] [libFuzzer options]"; exit 64 ;; esac
scratch="${FUZZ_SCRATCH_PATH:-$repo_root/.build-fuzz}"
flags=(-c debug --product sheet-reader-fuzz --scratch-path "$scratch"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld)

log "building sheet-reader-fuzz (libFuzzer + AddressSanitizer) in $scratch"
swift build "${flags[@]}" </dev/null
binary="$(swift build "${flags[@]}" --show-bin-path </dev/null)/sheet-reader-fuzz"

work="$(mktemp -d "${TMPDIR:-/tmp}/invest-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" Fuzz/crashes
log "running for ${seconds}s from $(ls Fuzz/corpus | wc -l) seed inputs"
status=0
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$repo_root/Fuzz/crashes/" "$@" \
    "$work/corpus" "$repo_root/Fuzz/corpus" </dev/null 2>"$work/fuzz.log" || status=$?
tail -n 25 "$work/fuzz.log" >&2
if [ "$status" -ne 0 ]; then
    log "the fuzzer found a failure (exit $status); input saved in Fuzz/crashes/"
    exit 1
fi
log "no failure in ${seconds}s ($(ls "$work/corpus" | wc -l) new inputs explored)"
