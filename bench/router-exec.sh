#!/usr/bin/env bash
# Figures for ROUTER-001/EXEC-010 on the embedded stack (issue 3):
#  - router: first request to replay for a fresh agent, minus the configured boot delay (p50)
#  - exec: N computers with one queued instance each reconciled to running (total, p50/p99)
#  - smoke: the Cucumber part of `mvn verify -Dcucumber.filter.tags=@smoke`, median of 3 runs
# Usage: bench/router-exec.sh [computers]   (default 1000; set SMOKE_RUNS=0 to skip the smoke runs)
set -euo pipefail
cd "$(dirname "$0")/.."
COMPUTERS="${1:-1000}"
SMOKE_RUNS="${SMOKE_RUNS:-3}"

mvn -B -q -o test -Dtest=RouterExecBench -Dbench=true -Dbench.exec.computers="$COMPUTERS" \
    -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | grep '^BENCH' || { echo "bench failed" >&2; exit 1; }

if [ "$SMOKE_RUNS" -gt 0 ]; then
  mvn -B -q -o package -DskipTests >/dev/null
  times=()
  for i in $(seq "$SMOKE_RUNS"); do
    t=$(mvn -B -q -o failsafe:integration-test -Dit.test=RunCucumberIT -Dcucumber.filter.tags=@smoke 2>&1 \
        | sed 's/\x1b\[[0-9;]*m//g' | grep -E '^[0-9]+m ?[0-9.]+s' | tail -1)
    times+=("$t")
    echo "BENCH smoke run $i: cucumber part $t"
  done
  printf '%s\n' "${times[@]}" | sed -E 's/m ?/ /; s/s$//' | awk '{print $1*60+$2}' | sort -n \
    | awk '{a[NR]=$1} END {printf "BENCH smoke cucumber part median of %d: %.1f s\n", NR, a[int((NR+1)/2)]}'
fi
