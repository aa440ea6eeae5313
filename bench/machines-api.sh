#!/usr/bin/env bash
# Machines API benchmark on the embedded stack (not a test): prints create->started latency
# percentiles and list/get throughput. Usage: bench/machines-api.sh [samples] [seconds] [threads]
# MVN_FLAGS="-o" builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_FLAGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.artifact.e2e.bench.MachinesApiBench "$@"
