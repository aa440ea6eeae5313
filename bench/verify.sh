#!/usr/bin/env bash
# Wall and CPU time of a clean-clone `mvn verify` (what a fresh machine runs), median of N runs (default 3),
# one after another, with each phase's share read from Maven's timestamped log: compile (main + tests),
# unit tests (surefire), package (jar + shade), integration tests (failsafe: the suite, the kill matrix,
# the other ITs). Extra arguments go to Maven, e.g. bench/verify.sh 3 -Ddrills.
# Usage: bench/verify.sh [runs] [maven args...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
out=$(pwd)/target/bench; mkdir -p "$out"
walls=(); cpus=()
for i in $(seq 1 "$runs"); do
  clone=$(mktemp -d); git clone -q . "$clone"
  log=$out/verify-$i.log
  ( cd "$clone" && MAVEN_OPTS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS" \
      /usr/bin/time -f "bench-time wall %e user %U sys %S" mvn -B -ntp verify "$@" ) >"$log" 2>&1 \
    || { echo "run $i failed; see $log"; rm -rf "$clone"; exit 1; }
  rm -rf "$clone"
  read -r wall user sys < <(sed -n 's/^.*bench-time wall \([0-9.]*\) user \([0-9.]*\) sys \([0-9.]*\)$/\1 \2 \3/p' "$log")
  walls+=("$wall"); cpus+=("$(python3 -c "print(round($user + $sys, 1))")")
  phases=$(python3 - "$log" <<'PY'
import re, sys
from datetime import datetime
marks = []
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"(\d\d:\d\d:\d\d\.\d+) \[INFO\] (--- (\S+?):|BUILD )", line)
    if m: marks.append((datetime.strptime(m.group(1), "%H:%M:%S.%f"), m.group(3) or "end"))
def at(name, last=False):
    hits = [t for t, n in marks if n.startswith(name)]
    return (hits[-1] if last else hits[0]) if hits else None
pts = [("compile", at("maven-compiler-plugin")), ("unit tests", at("maven-surefire-plugin")), ("package", at("maven-jar-plugin")),
       ("ITs", at("maven-failsafe-plugin")), (None, at("end"))]
pts = [(n, t) for n, t in pts if t]
print(", ".join("%s %.0f s" % (n, (pts[k + 1][1] - t).total_seconds()) for k, (n, t) in enumerate(pts[:-1])))
PY
)
  echo "run $i: wall $wall s, CPU $(python3 -c "print(round($user + $sys))") s (user $user + sys $sys); $phases"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "clean-clone mvn verify $* — median wall $(median "${walls[@]}") s (CPU $(median "${cpus[@]}") s) over $runs runs; $(nproc) cores"
