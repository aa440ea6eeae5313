#!/usr/bin/env bash
# MCP round trip of infra.list_machines for an app with 100 Machines: p50/p99 over 500 calls on
# loopback (SDK client → embedded control plane), repeated N times (default 3), median reported.
# Usage: bench/mcp.sh [runs] [machines] [calls]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; machines=${2:-100}; calls=${3:-500}
mvn -B -q -ntp -o -DskipTests package >/dev/null 2>&1 || mvn -B -q -ntp -DskipTests package >/dev/null
p50s=(); p99s=()
for i in $(seq 1 "$runs"); do
  line=$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp target/artifact-e2e.jar io.artifact.flyemu.bench.McpRoundTrip "$machines" "$calls" | tail -1)
  echo "run $i: $line"
  p50s+=("$(sed -E 's/.*p50 ([0-9.]+) ms.*/\1/' <<<"$line")")
  p99s+=("$(sed -E 's/.*p99 ([0-9.]+) ms.*/\1/' <<<"$line")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "infra.list_machines, $machines Machines, $calls calls: median p50 $(median "${p50s[@]}") ms, median p99 $(median "${p99s[@]}") ms over $runs runs"
