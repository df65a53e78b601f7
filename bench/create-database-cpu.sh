#!/usr/bin/env bash
# CPU time PostgreSQL spends per CREATE DATABASE and per DROP DATABASE, read from /proc for the session's backend and
# the server's checkpointer, so that the figure does not depend on how busy the machine is. The server must run on
# this machine. Each database is a copy of template1 (or of --template).
#
#   bench/create-database-cpu.sh --port 5432 --count 20 [--template huddle_template_x] [--strategy file_copy]
set -euo pipefail
port=5432 count=20 template=template1 strategy=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2 ;; --count) count=$2 ;; --template) template=$2 ;; --strategy) strategy=" strategy $2" ;;
    *) echo "Unknown option $1; use --port N --count N --template NAME --strategy wal_log|file_copy" >&2; exit 2 ;;
  esac
  shift 2
done
work=$(mktemp -d "${TMPDIR:-/tmp}/create-database-cpu.XXXXXX")
trap 'rm -rf "$work"' EXIT
postmaster=$(psql -h 127.0.0.1 -p "$port" -U postgres -XAtc "select pg_postmaster_start_time()" >/dev/null && \
  ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
checkpointer=$(pgrep -P "$postmaster" -f checkpointer | head -1)
{
  echo "select pg_backend_pid() as pid \\gset"
  echo "\\setenv BACKEND :pid"
  echo "\\! awk '{print \$14 + \$15}' /proc/\$BACKEND/stat > $work/b0; awk '{print \$14 + \$15}' /proc/$checkpointer/stat > $work/k0"
  for i in $(seq 1 "$count"); do echo "create database cpu_bench_$i template $template$strategy;"; done
  echo "\\! awk '{print \$14 + \$15}' /proc/\$BACKEND/stat > $work/b1; awk '{print \$14 + \$15}' /proc/$checkpointer/stat > $work/k1"
  for i in $(seq 1 "$count"); do echo "drop database cpu_bench_$i;"; done
  echo "\\! awk '{print \$14 + \$15}' /proc/\$BACKEND/stat > $work/b2; awk '{print \$14 + \$15}' /proc/$checkpointer/stat > $work/k2"
} > "$work/run.sql"
psql -h 127.0.0.1 -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1 -f "$work/run.sql" postgres
tick=$(getconf CLK_TCK)
per() { echo $(( ($(cat "$work/$2") - $(cat "$work/$1")) * 1000 / tick / count )); }
echo "port $port, $count databases from $template${strategy:+ (${strategy# })}: CREATE DATABASE $(per b0 b1) ms backend + $(per k0 k1) ms checkpointer CPU each; DROP DATABASE $(per b1 b2) + $(per k1 k2) ms"
