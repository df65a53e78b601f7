#!/usr/bin/env bash
# CPU time (user + sys, from the kernel's accounting of each whole process) of runner builds side by side on SQLite,
# alternated round by round so that a busy machine slows every build alike. Wall time on a shared 2-core machine
# varies 2x between runs; CPU time varies far less, which is what a before/after comparison of small changes needs.
#
#   bench/cpu.sh data --sizes 10000,100000 --rounds 4 [--floor yes] RUNNER...   # cold up of N single-row INSERTs
#   bench/cpu.sh status --rounds 10 RUNNER...                                    # status, 1,000 migrations
#   bench/cpu.sh noop --rounds 10 RUNNER...                                      # up with nothing pending
#   bench/cpu.sh pgdata --sizes 10000 --rounds 4 --floor yes RUNNER...          # data on PostgreSQL, against psql -1
#
# RUNNER is a huddle-migrate launcher, e.g. app/target/huddle-migrate and ../before/app/target/huddle-migrate (each
# uses its class-data archive only where it was built). The corpora are bench/run.sh's: made on first use. Prints one
# line per run, then the median CPU seconds per runner (and of `sqlite3 -bail` with --floor yes).
#
# data also measures each runner's start: the same cold up of the 1-INSERT corpus (JVM start, class loading,
# planning, the session, one transaction and its history row: everything but the statements), once per round. With
# --floor yes it then prints two ratios per runner and size: the whole run against sqlite3's, and the per-statement
# work, (runner at N - runner's start) / (sqlite3 at N - sqlite3 at 1).
#
# pgdata is data on PostgreSQL (127.0.0.1:5432, user postgres; a database made and dropped per run), against
# `psql -X -1 -f` of the same script. The server does most of the work for both and is not in the client's CPU, so it
# also prints wall-time medians and ratios (only meaningful when the machine is quiet or every round is alike).
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
walls=$scratch/walls
TIMEFORMAT='%3U %3S %3R'

# cpu LABEL COMMAND...: runs the command, output discarded, and appends "LABEL seconds" to the results (CPU) and to
# the wall times.
cpu() {
  local label=$1 times
  shift
  times=$( { time "$@" >"$scratch/out" 2>&1; } 2>&1 ) || { echo "failed: $*" >&2; tail -5 "$scratch/out" >&2; exit 1; }
  echo "$label $(echo "$times" | awk '{printf "%.3f", $1 + $2}')" | tee -a "$results"
  echo "$label $(echo "$times" | awk '{printf "%.3f", $3}')" >>"$walls"
}

pg=(-X -q -h 127.0.0.1 -p 5432 -U postgres)
# pgrun LABEL COMMAND...: as cpu, on a PostgreSQL database made for the run ($db in the command) and dropped after.
pgrun() {
  psql "${pg[@]}" -d postgres -c "create database $db" >/dev/null
  cpu "$@"
  psql "${pg[@]}" -d postgres -c "drop database $db with (force)" >/dev/null
}

case "$what" in
  data)
    for size in 1 ${sizes//,/ }; do
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
  pgdata)
    db=huddle_cpu_$$
    url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
    for size in 1 ${sizes//,/ }; do
      corpus=$work/data-$size/ok
      [ -d "$corpus" ] || bench/run.sh --data-sizes "$size" --data-rounds 1 --engines sqlite --runners floor --node no >/dev/null
      for round in $(seq "$rounds"); do
        if [ "$floor" = yes ]; then
          pgrun "$size floor" psql "${pg[@]}" -v ON_ERROR_STOP=1 -1 -d "$db" -f "$corpus/floor/postgresql.sql"
        fi
        for runner in "$@"; do
          pgrun "$size $runner" "$runner" --url "$url" --modules-dir "$corpus/modules" --modules data up
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

# summary FILE LABEL: the median per size and runner, then (data with a floor) the whole and per-statement ratios.
summary() {
  local file=$1 label=$2
  echo
  echo "median $label, $rounds rounds:"
  awk '{ key = $1 " " $2; values[key] = values[key] " " $3 } END { for (key in values) print key, values[key] }' "$file" |
    while read -r size runner list; do
      median=$(echo "$list" | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
      echo "$size $runner $median"
    done | sort -n | tee "$file.medians"
  if [ "$what" != data ] && [ "$what" != pgdata ] || [ "$floor" != yes ]; then
    return
  fi
  echo
  echo "$label against the floor (start = the runner's cold up of 1 INSERT; per statement = (runner - start) / (floor at N - floor at 1)):"
  awk '{ m[$1 " " $2] = $3; if ($2 != "floor") runners[$2] = 1; if ($1 != 1) sizes[$1] = 1 }
       END {
         for (size in sizes) for (runner in runners) {
           whole = m[size " " runner] / m[size " floor"]
           work = m[size " floor"] - m["1 floor"]
           per = work > 0 ? (m[size " " runner] - m["1 " runner]) / work : 0
           printf "%s %s whole %.2fx, start %.3f s, per statement %.2fx\n", size, runner, whole, m["1 " runner], per
         }
       }' "$file.medians" | sort -n
}

case "$what" in
  data) summary "$results" "CPU s (user + sys)" ;;
  pgdata) summary "$results" "client CPU s (user + sys)"; summary "$walls" "wall s" ;;
  *) summary "$results" "CPU s (user + sys)" ;;
esac
