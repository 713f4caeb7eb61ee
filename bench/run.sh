#!/usr/bin/env bash
# Runs each benchmark script under asy and CPython alternately and prints the
# median wall time of each and the ratio asy/CPython (below 1 means asy is faster).
# Usage: bench/run.sh [rounds] [script...]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
shift || true
scripts=("$@")
if [ ${#scripts[@]} -eq 0 ]; then
  scripts=(bench/startup.py bench/fib.py bench/arith.py bench/tasks_sleep0.py bench/tasks_sleep_once.py bench/asyncio_queue.py bench/sqlite_inserts.py bench/aiosqlite_selects.py)
fi
py=$(python3 -c 'import sys; print(sys.executable)')
# Database benchmarks need the Python that has aiosqlite/asyncpg (Debian's apt packages).
dbpy=${ASY_DB_PYTHON:-/usr/bin/python3.11}
go build -o /tmp/asy-bench ./cmd/asy
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { # prints wall seconds (microsecond clock) and peak RSS in KiB
  local t0=$EPOCHREALTIME
  /usr/bin/time -f '%M' "$@" >/dev/null 2>/tmp/asy-bench-time || { cat /tmp/asy-bench-time; exit 1; }
  local t1=$EPOCHREALTIME
  echo "$(echo "$t1 - $t0" | bc -l | awk '{printf "%.3f", $1}') $(tail -1 /tmp/asy-bench-time)"
}
printf '%-28s %10s %10s %7s %12s %12s\n' script asy_s cpython_s ratio asy_peakKiB py_peakKiB
for s in "${scripts[@]}"; do
  : >/tmp/asy-b-a; : >/tmp/asy-b-p; : >/tmp/asy-b-am; : >/tmp/asy-b-pm
  for _ in $(seq "$rounds"); do
    read -r ta ma < <(timeit /tmp/asy-bench "$s"); echo "$ta" >>/tmp/asy-b-a; echo "$ma" >>/tmp/asy-b-am
    p=$py
    if grep -qE '^import (sqlite3|aiosqlite|asyncpg)' "$s"; then p=$dbpy; fi
    read -r tp mp < <(timeit "$p" "$s"); echo "$tp" >>/tmp/asy-b-p; echo "$mp" >>/tmp/asy-b-pm
  done
  a=$(median </tmp/asy-b-a); p=$(median </tmp/asy-b-p)
  am=$(median </tmp/asy-b-am); pm=$(median </tmp/asy-b-pm)
  printf '%-28s %10s %10s %7.2f %12s %12s\n' "$(basename "$s")" "$a" "$p" "$(echo "$a / $p" | bc -l)" "$am" "$pm"
done
