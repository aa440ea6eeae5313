#!/usr/bin/env bash
# The whole scenario matrix on the embedded stack, Cucumber part only (no unit tests, no defect proofs):
# N consecutive runs in parallel (the default, 4 threads) give the median time and the flake count
# (runs with any failed scenario); one more run on a single thread gives the parallel speed-up.
# Usage: bench/matrix.sh [runs]     (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
mvn -B -q -ntp -DskipTests package >/dev/null   # compile once, outside the timings
cucumber_seconds() {
  python3 - <<'PY'
import json
start=end=None; failed=0; n=0
for line in open('target-reports/cucumber.ndjson'):
    m=json.loads(line)
    if 'testRunStarted' in m: start=m['testRunStarted']['timestamp']
    if 'testRunFinished' in m: end=m['testRunFinished']['timestamp']
t=lambda x: x['seconds']+x['nanos']/1e9
print(f"{t(end)-t(start):.2f}")
PY
}
matrix() { mvn -B -q -ntp verify -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RunCucumberIT "$@"; }
times=(); flaky=0
for i in $(seq 1 "$runs"); do
  log=/tmp/bench-matrix-$i.log
  if matrix >"$log" 2>&1; then status=green; else status=RED; flaky=$((flaky + 1)); fi
  times+=("$(cucumber_seconds)")
  echo "run $i: cucumber ${times[-1]} s, $status ($(grep -o '[0-9]* scenarios ([^)]*)' "$log" | head -1))"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
par=$(median "${times[@]}")
matrix -Dcucumber.execution.parallel.enabled=false >/tmp/bench-matrix-single.log 2>&1 || echo "single-thread run failed; see /tmp/bench-matrix-single.log"
single=$(cucumber_seconds)
echo "matrix: median cucumber ${par} s over $runs parallel runs, $flaky red; one thread ${single} s; speed-up $(python3 -c "print(round($single / $par, 2))")x"
