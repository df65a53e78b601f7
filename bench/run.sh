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
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x app/target/huddle-migrate ] || [ ! -f app/target/huddle-migrate.jar ] || [ ! -f app/target/huddle.jar ] || [ ! -f bench/target/huddle-bench.jar ]; then
  mvn -B -q -DskipTests package
fi
mkdir -p bench/target
java -jar bench/target/huddle-bench.jar "$@" | tee bench/target/RESULTS.md
