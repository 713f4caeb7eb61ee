#!/usr/bin/env bash
# Runs each benchmark script under asy and CPython alternately and prints the median wall time
# of each, the ratio asy/CPython (below 1 means asy is faster), peak memory, whether asy printed
# exactly what CPython printed, and at the end the geometric mean of the ratios.
# Usage: bench/run.sh [rounds] [script...]     (rounds defaults to 3; `bench/run.sh 1` is a quick pass)
# Environment: ASY_PYTHON (CPython binary; default: the real binary behind `python3`),
# ASY_DB_PYTHON (CPython with aiosqlite/asyncpg for the database scripts; default /usr/bin/python3.11),
# ASY_BENCH_TIMEOUT (seconds per run, default 180), ASY_BENCH_CLOCK=cpu (user+sys CPU seconds
# instead of wall time: steadier on a machine shared with other work, though it also counts the
# Go GC's work on other cores, which wall time on an idle machine hides).
# Exits 1 when any asy output differs from CPython's: a wrong answer must not hide behind speed.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
shift || true
scripts=("$@")
if [ ${#scripts[@]} -eq 0 ]; then
  scripts=(
    bench/startup.py bench/fib.py bench/arith.py
    bench/coro_chain.py bench/coro_tasks.py bench/taskgroup_tree.py bench/generator_pipeline.py
    bench/oo_sim.py bench/object_loop.py bench/constraint_solver.py bench/board_search.py
    bench/nbody.py bench/spectral.py bench/string_dict.py bench/comprehensions.py
    bench/json_roundtrip.py bench/re_text.py bench/decimal_pi.py bench/logging_bench.py bench/deepcopy_pprint.py
    bench/tasks_sleep0.py bench/tasks_sleep_once.py bench/asyncio_queue.py
    bench/sqlite_inserts.py bench/aiosqlite_selects.py bench/tcp_echo.py bench/tcp_hold.py
  )
fi
# Time the real binary, not pyenv's shim (a bash script that costs ~40 ms per start).
py=${ASY_PYTHON:-$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null || true)}
# Database benchmarks need the Python that has aiosqlite/asyncpg (Debian's apt packages).
dbpy=${ASY_DB_PYTHON:-/usr/bin/python3.11}
limit=${ASY_BENCH_TIMEOUT:-180}
clock=${ASY_BENCH_CLOCK:-wall}
tmp=$(mktemp -d /tmp/asy-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/asy" ./cmd/asy

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# run OUT CMD...: runs CMD with stdout to OUT; prints seconds ($clock) and peak RSS in KiB, or
# "fail" (with the error shown on stderr) when it exits non-zero, "timeout" after $limit s.
run() {
  local out=$1; shift
  local t0=$EPOCHREALTIME
  # timeout inside time: time's wait4 still reports the CPU time and peak RSS of the script beneath.
  if ! /usr/bin/time -f '%U %S %M' timeout "$limit" "$@" >"$out" 2>"$tmp/err"; then
    if grep -q 'status 124$' "$tmp/err"; then
      echo "--- $*: timed out after $limit s" >&2
      echo timeout
    else
      { echo "--- $* failed:"; head -n -2 "$tmp/err" | tail -5; } >&2
      echo fail
    fi
    return
  fi
  local t1=$EPOCHREALTIME
  if [ "$clock" = cpu ]; then
    tail -1 "$tmp/err" | awk '{printf "%.3f %s\n", $1 + $2, $3}'
  else
    echo "$(echo "$t1 - $t0" | bc -l | awk '{printf "%.3f", $1}') $(tail -1 "$tmp/err" | awk '{print $3}')"
  fi
}
mb() { [ "$1" = - ] && echo - || awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

echo "($clock seconds, median of $rounds runs)"
printf '%-24s %9s %9s %7s %14s  %s\n' script asy_s cpython_s ratio 'peak MB a/py' output
: >"$tmp/ratios"
bad=0
for s in "${scripts[@]}"; do
  p=$py
  if grep -qE '^import (sqlite3|aiosqlite|asyncpg)' "$s"; then p=$dbpy; fi
  # No CPython that can run the script (none installed, or without the database module): asy only.
  mod=$(grep -oE '^import (aiosqlite|asyncpg)' "$s" | head -1 | cut -d' ' -f2 || true)
  if [ -z "$p" ] || ! [ -x "$p" ] || { [ -n "$mod" ] && ! "$p" -c "import $mod" 2>/dev/null; }; then p=; fi
  : >"$tmp/a"; : >"$tmp/p"; : >"$tmp/am"; : >"$tmp/pm"
  status=ok
  for _ in $(seq "$rounds"); do
    read -r ta ma < <(run "$tmp/out-asy" "$tmp/asy" "$s")
    case $ta in fail) status=FAIL; break ;; timeout) status=TIMEOUT; break ;; esac
    echo "$ta" >>"$tmp/a"; echo "$ma" >>"$tmp/am"
    [ -n "$p" ] || continue
    read -r tp mp < <(run "$tmp/out-py" "$p" "$s")
    case $tp in fail | timeout) p=; continue ;; esac
    echo "$tp" >>"$tmp/p"; echo "$mp" >>"$tmp/pm"
    if ! cmp -s "$tmp/out-asy" "$tmp/out-py"; then
      status=DIFF
      { echo "--- $s: asy's output differs from CPython's:"; diff "$tmp/out-py" "$tmp/out-asy" | head -10; } >&2
    fi
  done
  a=-; pt=-; ratio=-; am=-; pm=-
  [ -s "$tmp/a" ] && { a=$(median <"$tmp/a"); am=$(median <"$tmp/am"); }
  [ -s "$tmp/p" ] && { pt=$(median <"$tmp/p"); pm=$(median <"$tmp/pm"); }
  if [ -z "$p" ] && [ "$status" = ok ]; then status="asy only"; fi
  if [ "$a" != - ] && [ "$pt" != - ]; then
    ratio=$(awk -v a="$a" -v p="$pt" 'BEGIN {if (a > 0 && p > 0) printf "%.2f", a / p; else print "-"}')
    # Wrong answers stay out of the mean.
    if [ "$status" = ok ] && [ "$ratio" != - ]; then echo "$a $pt" >>"$tmp/ratios"; fi
  fi
  case $status in DIFF | FAIL | TIMEOUT) bad=1 ;; esac
  printf '%-24s %9s %9s %7s %14s  %s\n' "$(basename "$s")" "$a" "$pt" "$ratio" "$(mb "$am") / $(mb "$pm")" "$status"
done
if [ -s "$tmp/ratios" ]; then
  awk '{s += log($1 / $2); n++} END {printf "geometric mean of %d ratios: %.2f\n", n, exp(s / n)}' "$tmp/ratios"
fi
exit $bad
