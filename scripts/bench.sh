#!/usr/bin/env bash
# What `make bench` runs: the backup and the restore benchmarks (tests/Velero.Benchmarks) against the real Ceph S3
# server of the `test` infrastructure profile, started here and stopped afterwards. Prints two tables; see
# docs/benchmarks.md.
#   scripts/bench.sh [--objects 10000,100000] [--workers N] [--page-size N]
# VELERO_BENCH_INFRA=external: use the S3 server named by the exported VELERO_S3_* variables instead.
# Do not run it beside `make test`: both use the test profile's ports.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=$ROOT/.local/bench
STARTED=0

stop() {
  if (( STARTED )); then
    STARTED=0
    "$ROOT/scripts/infra/down.sh" --state "$STATE" || true
  fi
}
trap stop EXIT

if [[ ${VELERO_BENCH_INFRA:-} != external ]]; then
  STARTED=1
  "$ROOT/scripts/infra/up.sh" --state "$STATE" --profile test
  # shellcheck source=/dev/null
  . "$STATE/env"
fi

cd "$ROOT"
dotnet build tests/Velero.KubeEmulator -c Release -v quiet -nologo >/dev/null
dotnet run -c Release --project tests/Velero.Benchmarks -- "$@"
dotnet run -c Release --no-build --project tests/Velero.Benchmarks -- restore "$@"
