#!/bin/sh
# mpcompat.sh DIR [ASY]: runs every MicroPython test script in DIR (e.g. a checkout's
# tests/basics) under CPython and under asy and compares their output. Only scripts
# CPython runs cleanly count (MicroPython's suite also tests MicroPython-only features,
# and scripts with a .exp file expect MicroPython's own output). The suite is not kept in
# this repository: fetch github.com/micropython/micropython and point DIR at it.
# Prints one line per mismatch and a summary; exits 1 if any differ.
set -u
dir=$1
asy=${2:-asy}
py=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
total=0 same=0 skipped=0
for f in "$dir"/*.py; do
	[ -e "${f%.py}.py.exp" ] || [ -e "${f}.exp" ] && { skipped=$((skipped + 1)); continue; }
	name=$(basename "$f")
	( cd "$dir" && timeout 20 "$py" "$name" >"$tmp/py" 2>&1 ) || { skipped=$((skipped + 1)); continue; }
	grep -q '^SKIP$' "$tmp/py" && { skipped=$((skipped + 1)); continue; }
	total=$((total + 1))
	( cd "$dir" && timeout 20 "$asy" "$name" >"$tmp/asy" 2>&1 )
	if cmp -s "$tmp/py" "$tmp/asy"; then
		same=$((same + 1))
	else
		echo "DIFF $name"
	fi
done
echo "matched $same of $total (skipped $skipped that CPython does not run or that expect MicroPython's output)"
[ "$same" -eq "$total" ]
