#!/usr/bin/env bash
# Wall time of the kill matrix (java -jar target/artifact-e2e.jar defects: every catalogued variant on
# its guarding rows plus a control row, and impl on every row), median of N runs (default 3); also
# the command's own figure (after the JVM started) and the kill score of each run.
# Usage: bench/defects.sh [runs] [defects options...]     e.g. bench/defects.sh 3 --jobs 8
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
[ -f target/artifact-e2e.jar ] || flock /work/build.lock mvn -B -q -o -DskipTests package >/dev/null
mkdir -p target/bench
walls=(); inner=()
for i in $(seq 1 "$runs"); do
  log=target/bench/defects-$i.log
  t0=$(date +%s.%N)
  java -jar target/artifact-e2e.jar defects "$@" >"$log" 2>&1 || { echo "run $i exited non-zero; see $log"; grep -E 'killed$|impl:' "$log"; exit 1; }
  t1=$(date +%s.%N)
  walls+=("$(python3 -c "print(round($t1 - $t0, 1))")")
  inner+=("$(sed -n 's/^wall time \([0-9.]*\) s$/\1/p' "$log")")
  echo "run $i: wall ${walls[-1]} s (command ${inner[-1]} s); $(grep -E '^[0-9]+/[0-9]+ killed$' "$log"); $(grep -o 'gaps flagged: [G0-9 ]*' "$log")"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "defects $* — median wall $(median "${walls[@]}") s (command $(median "${inner[@]}") s) over $runs runs; $(nproc) cores"
