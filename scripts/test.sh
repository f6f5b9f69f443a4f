#!/usr/bin/env bash
# What `make test` runs: start the `test` infrastructure profile, run every test project, stop it again,
# and end with one line "N passed, N failed, N skipped" summed over all test assemblies (CI reads it).
#   scripts/test.sh [extra dotnet test args, e.g. --filter Category=Unit]
# VELERO_TEST_INFRA=external: use the services named by the already exported ConnectionStrings__* and
# VELERO_S3_* variables instead of starting our own.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=$ROOT/.local/test
RESULTS=$STATE/results
INFRA_STARTED=0
SUMMARY_PRINTED=0

# One attribute of a trx <Counters .../> element (read from stdin); 0 if absent.
# The leading whitespace matters: ` passed="` must not match `passedButRunAborted="`.
counter() {
  local n
  n=$(grep -o "[[:space:]]$1=\"[0-9]*\"" | grep -o '[0-9]\+' | head -n 1) || true
  printf '%s' "${n:-0}"
}

# Sum the <Counters> of every .trx under RESULTS (one per test assembly and target framework).
# Skipped: the VSTest trx logger leaves notExecuted="0" for skipped xunit tests (measured: total="4"
# executed="3" notExecuted="0" for one [Fact(Skip=...)]), so take max(notExecuted, total - executed).
PASSED=0 FAILED=0 SKIPPED=0 TRX_COUNT=0
count_results() {
  local f c total executed not_executed skipped
  PASSED=0 FAILED=0 SKIPPED=0 TRX_COUNT=0
  while IFS= read -r -d '' f; do
    # Join lines in case a writer wraps the element's attributes.
    c=$(tr '\n\r' '  ' <"$f" | grep -o '<Counters [^>]*>' | head -n 1) || c=''
    TRX_COUNT=$(( TRX_COUNT + 1 ))
    total=$(counter total <<<"$c")
    executed=$(counter executed <<<"$c")
    not_executed=$(counter notExecuted <<<"$c")
    skipped=$(( total - executed > not_executed ? total - executed : not_executed ))
    PASSED=$(( PASSED + $(counter passed <<<"$c") ))
    # error/timeout/aborted are failures too, in the trx vocabulary.
    FAILED=$(( FAILED + $(counter failed <<<"$c") + $(counter error <<<"$c") + $(counter timeout <<<"$c") \
      + $(counter aborted <<<"$c") ))
    SKIPPED=$(( SKIPPED + skipped ))
  done < <(find "$RESULTS" -name '*.trx' -type f -print0 2>/dev/null)
}

stop_infra() {
  if (( INFRA_STARTED )); then
    INFRA_STARTED=0
    "$ROOT/scripts/infra/down.sh" --state "$STATE" || true
  fi
}

print_summary() {
  SUMMARY_PRINTED=1
  printf '%s passed, %s failed, %s skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
}

# Whatever happens (build error, Ctrl-C, set -e), the infrastructure is stopped and the summary line is
# still the last line of output.
on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  stop_infra
  if (( ! SUMMARY_PRINTED )); then
    count_results
    print_summary
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_infra() {
  if [[ ${VELERO_TEST_INFRA:-} == external ]]; then
    local v missing=()
    for v in ConnectionStrings__RabbitMq ConnectionStrings__Postgres VELERO_S3_URL VELERO_S3_ACCESS_KEY \
        VELERO_S3_SECRET_KEY VELERO_AZURITE_URL; do
      [[ -n ${!v:-} ]] || missing+=("$v")
    done
    if (( ${#missing[@]} == 0 )); then
      echo "test.sh: using external infrastructure (VELERO_TEST_INFRA=external)"
      return 0
    fi
    echo "test.sh: VELERO_TEST_INFRA=external but ${missing[*]} not set; starting the test profile" >&2
  fi
  INFRA_STARTED=1
  "$ROOT/scripts/infra/up.sh" --state "$STATE" --profile test
  # shellcheck source=/dev/null
  . "$STATE/env"
}

main() {
  cd "$ROOT"
  local sln=Velero.Services.sln
  # .NET 10's `dotnet new sln` writes .slnx; accept either.
  [[ -f $sln || ! -f Velero.Services.slnx ]] || sln=Velero.Services.slnx

  # Clear old results first: a failed start must not report the previous run's counts.
  rm -rf "$RESULTS"
  mkdir -p "$RESULTS"
  start_infra
  local rc=0 t0=$SECONDS
  # Build is part of `dotnet test`; trx gives the per-assembly counters, the console logger the detail.
  dotnet test "$sln" -c Release --logger "trx;LogFilePrefix=r" \
    --results-directory "$RESULTS" "$@" || rc=$?
  echo "test.sh: dotnet test exited with $rc after $(( SECONDS - t0 ))s"
  stop_infra

  count_results
  if (( rc != 0 && TRX_COUNT == 0 )); then
    echo "test.sh: build failed or no test assembly ran (no .trx in $RESULTS)" >&2
  elif (( rc != 0 && FAILED == 0 )); then
    echo "test.sh: dotnet test failed without a failing test (build error in some project?)" >&2
  fi
  if (( PASSED + FAILED == 0 )); then
    echo "test.sh: zero tests ran" >&2
    (( rc != 0 )) || rc=1
  fi
  if (( FAILED > 0 )); then (( rc != 0 )) || rc=1; fi
  print_summary
  return "$rc"
}

main "$@"
