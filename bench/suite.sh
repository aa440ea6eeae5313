#!/usr/bin/env bash
# Warm wall time of the README commands and the Cucumber part alone (from the messages report),
# median of N runs (default 3). Usage: bench/suite.sh [runs] [extra mvn args...]
#   bench/suite.sh 3 -Dcucumber.filter.tags=@smoke
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
mvn -B -q -ntp -DskipTests package >/dev/null   # warm: compile once, outside the timings
walls=(); cukes=()
for i in $(seq 1 "$runs"); do
  t0=$(date +%s.%N)
  log=/tmp/bench-suite-$i.log
  mvn -B -q -ntp verify "$@" >"$log" 2>&1 || { echo "run $i failed; see $log"; exit 1; }
  t1=$(date +%s.%N)
  walls+=("$(python3 -c "print(round($t1 - $t0, 2))")")
  cukes+=("$(python3 - <<'PY'
import json
start=end=None
for line in open('target-reports/cucumber.ndjson'):
    m=json.loads(line)
    if 'testRunStarted' in m: start=m['testRunStarted']['timestamp']
    if 'testRunFinished' in m: end=m['testRunFinished']['timestamp']
t=lambda x: x['seconds']+x['nanos']/1e9
print(f"{t(end)-t(start):.2f}")
PY
)")
  echo "run $i: wall ${walls[-1]} s, cucumber ${cukes[-1]} s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
scenarios=$(grep -c '"testCaseFinished"' target-reports/cucumber.ndjson || true)
echo "mvn verify $* — $scenarios scenarios: median wall $(median "${walls[@]}") s, median cucumber $(median "${cukes[@]}") s over $runs runs"
