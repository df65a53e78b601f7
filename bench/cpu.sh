#!/usr/bin/env bash
# CPU time (user + sys, from the kernel's accounting of each whole process) of runner builds side by side on SQLite,
# alternated round by round so that a busy machine slows every build alike. Wall time on a shared 2-core machine
# varies 2x between runs; CPU time varies far less, which is what a before/after comparison of small changes needs.
#
#   bench/cpu.sh data --sizes 10000,100000 --rounds 4 [--floor yes] RUNNER...   # cold up of N single-row INSERTs
#   bench/cpu.sh status --rounds 10 RUNNER...                                    # status, 1,000 migrations
#   bench/cpu.sh noop --rounds 10 RUNNER...                                      # up with nothing pending
#
# RUNNER is a huddle-migrate launcher, e.g. app/target/huddle-migrate and ../before/app/target/huddle-migrate (each
# uses its class-data archive only where it was built). The corpora are bench/run.sh's: made on first use. Prints one
# line per run, then the median CPU seconds per runner (and of `sqlite3 -bail` with --floor yes).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:?data, status or noop}
shift
sizes=10000
rounds=4
floor=no
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --floor) floor=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "name at least one runner (a huddle-migrate launcher)" >&2; exit 2; }
work=bench/target/work
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
results=$scratch/results
TIMEFORMAT='%3U %3S'

# cpu LABEL COMMAND...: runs the command, output discarded, and appends "LABEL seconds" to the results.
cpu() {
  local label=$1 times
  shift
  times=$( { time "$@" >"$scratch/out" 2>&1; } 2>&1 ) || { echo "failed: $*" >&2; tail -5 "$scratch/out" >&2; exit 1; }
  echo "$label $(echo "$times" | awk '{printf "%.3f", $1 + $2}')" | tee -a "$results"
}

case "$what" in
  data)
    for size in ${sizes//,/ }; do
      corpus=$work/data-$size/ok
      [ -d "$corpus" ] || bench/run.sh --data-sizes "$size" --data-rounds 1 --engines sqlite --runners floor --node no >/dev/null
      for round in $(seq "$rounds"); do
        if [ "$floor" = yes ]; then
          rm -f "$scratch"/db*
          cpu "$size floor" sh -c "sqlite3 -bail '$scratch/db' < '$corpus/floor/sqlite.sql'"
        fi
        for runner in "$@"; do
          rm -f "$scratch"/db*
          cpu "$size $runner" "$runner" --url "jdbc:sqlite:$scratch/db" --modules-dir "$corpus/modules" --modules data up
        done
      done
    done
    ;;
  status | noop)
    modules=$work/corpus-1000/modules
    [ -d "$modules" ] || bench/run.sh --sizes 1000 --rounds 1 --warmup 0 --engines sqlite --runners floor --node no >/dev/null
    index=0
    for runner in "$@"; do
      index=$((index + 1))
      "$runner" --url "jdbc:sqlite:$scratch/db$index" --modules-dir "$modules" --modules mod0,mod1,mod2,mod3 up >/dev/null
    done
    command=$([ "$what" = noop ] && echo up || echo status)
    for round in $(seq "$rounds"); do
      index=0
      for runner in "$@"; do
        index=$((index + 1))
        cpu "$what $runner" "$runner" --url "jdbc:sqlite:$scratch/db$index" --modules-dir "$modules" --modules mod0,mod1,mod2,mod3 "$command"
      done
    done
    ;;
  *) echo "unknown measurement $what: data, status or noop" >&2; exit 2 ;;
esac

echo
echo "median CPU s (user + sys), $rounds rounds:"
awk '{ key = $1 " " $2; values[key] = values[key] " " $3 } END { for (key in values) print key, values[key] }' "$results" |
  while read -r size runner list; do
    median=$(echo "$list" | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    echo "$size $runner $median"
  done | sort
