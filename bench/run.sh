#!/usr/bin/env bash
# One command for the benchmark: builds the jars, generates the corpus, times every runner side by side, and prints
# a Markdown report (also written to bench/target/RESULTS.md). Needs PostgreSQL on 127.0.0.1:5432 (user postgres,
# trust auth), psql and sqlite3; node-pg-migrate is included when npm is present.
#
#   bench/run.sh                                   # sizes 100, 1000, 10000; 7 rounds (3 at 10,000)
#   bench/run.sh --sizes 100,1000 --rounds 3       # quicker
#   bench/run.sh --pg 127.0.0.1:5433 --node no     # other server, without node-pg-migrate
#   bench/run.sh --sizes 10000 --engines postgresql --rounds 1 --warmup 0
#   bench/run.sh --runners floor,huddle,bare --node no   # only these (of floor, huddle, flyway, bare, app)
#
# Data scripts (one migration of N single-row INSERTs, and a variant failing at its last statement); with
# --data-sizes alone, the migration corpus above is skipped:
#   bench/run.sh --data-sizes 1000,100000 --data-rounds 3 --node no
#   bench/run.sh --data-sizes 10000 --engines sqlite --runners floor,huddle --node no
#
# Execution strategies (how an executor could send a script to the driver; in-process timings, one transaction):
#   bench/run.sh strategies --engines postgresql,sqlite --sizes 1000,10000,100000 --mixed 6600000 --rounds 2
#
# Test databases (a fresh migrated database per call from the test-databases extension, against migrating from
# scratch; PostgreSQL from HUDDLE_TEST_POSTGRES_URL, else the server above; --server embedded: the embedded server the
# build's tests use without that variable, its data in memory, or on disk with --data-on-disk):
#   bench/run.sh fresh-databases --rounds 50 --engines postgresql,sqlite
#   bench/run.sh fresh-databases --rounds 20 --engines postgresql --server embedded [--data-on-disk]
# The API (issue #12): the server jar per engine under a closed-loop load of signed GET /api/meetings/{id} and
# participant joins, throughput and latency percentiles (bench/src/main/java/dev/huddle/bench/ApiBench.java):
#   bench/run.sh api --engines postgresql,sqlite --connections 16 --warmup 5 --seconds 15
# The signaling relay (issue #13): 1,000 WebSocket peers in 250 rooms, one instance and two on one PostgreSQL
# (LISTEN/NOTIFY, NATS at 127.0.0.1:4222), relay latency percentiles at a fixed rate (bench/src/main/java/dev/huddle/bench/SignalingBench.java):
#   bench/run.sh signaling --scenarios sqlite,postgresql,postgresql-notify,postgresql-nats --rates 5000 --seconds 20
# The floor of the LISTEN/NOTIFY bus: NOTIFY to LISTEN in one JVM, no relay code (bench/src/main/java/dev/huddle/bench/NotifyFloor.java):
#   bench/run.sh notify-floor --messages 5000 --rates 1000,5000 --listeners stock,probe
# The relay's bus alone: two buses in one JVM, no WebSockets (bench/src/main/java/dev/huddle/bench/RelayBusLatency.java):
#   bench/run.sh relay-bus --buses postgresql,nats --messages 6000 --rates 300,1000
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x app/target/huddle-migrate ] || [ ! -f app/target/huddle-migrate.jar ] || [ ! -f app/target/huddle.jar ] || [ ! -f bench/target/huddle-bench.jar ]; then
  mvn -B -q -DskipTests package
fi
mkdir -p bench/target
if [ "${1:-}" = fresh-databases ]; then
  shift
  url="${HUDDLE_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
  jvm=(-Djava.io.tmpdir=bench/target)
  args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --server) if [ "$2" = embedded ]; then url=""; else url="$2"; fi; shift 2 ;;
      --data-on-disk) jvm+=(-Dhuddle.tests.memory-folder=off); shift ;;
      *) args+=("$1"); shift ;;
    esac
  done
  HUDDLE_TEST_POSTGRES_URL="$url" java "${jvm[@]}" -cp bench/target/huddle-bench.jar dev.huddle.bench.FreshDatabases "${args[@]}" \
    | tee bench/target/FRESH-DATABASES.md
  exit
fi
if [ "${1:-}" = api ]; then
  shift
  java -cp bench/target/huddle-bench.jar dev.huddle.bench.ApiBench "$@" | tee bench/target/API.md
  exit
fi
if [ "${1:-}" = signaling ]; then
  shift
  java -cp bench/target/huddle-bench.jar dev.huddle.bench.SignalingBench "$@" | tee bench/target/SIGNALING.md
  exit
fi
if [ "${1:-}" = notify-floor ]; then
  shift
  java -cp bench/target/huddle-bench.jar dev.huddle.bench.NotifyFloor "$@" | tee bench/target/NOTIFY-FLOOR.md
  exit
fi
if [ "${1:-}" = relay-bus ]; then
  shift
  java -cp bench/target/huddle-bench.jar dev.huddle.bench.RelayBusLatency "$@" | tee bench/target/RELAY-BUS.md
  exit
fi
if [ "${1:-}" = strategies ]; then
  shift
  java -cp bench/target/huddle-bench.jar dev.huddle.bench.ExecutionStrategies "$@" | tee bench/target/STRATEGIES.md
  exit
fi
java -jar bench/target/huddle-bench.jar "$@" | tee bench/target/RESULTS.md
