#!/usr/bin/env bash
# Stop exactly what up.sh started in one state dir, by the recorded PIDs; safe when nothing runs.
#   down.sh --state DIR
# Order within each component is handled by its script (RabbitMQ launcher then epmd; Postgres SIGINT;
# Ceph TERM to rgw/osd/mon; Azurite SIGINT). The three components stop in parallel: they share nothing, and the slow
# ones (Ceph ~6 s, RabbitMQ with management ~6 s, doc §2/§4) then overlap.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
COMPONENT=infra
COMPONENTS=()  # set from the state dir's profile (profile_components in lib.sh)

main() {
  local dir=''
  while [[ $# -gt 0 ]]; do
    case $1 in
      --state) dir=${2:?--state needs a value}; shift 2 ;;
      --state=*) dir=${1#*=}; shift ;;
      -h|--help) printf 'usage: %s --state DIR\n' "$0"; exit 0 ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  [[ -n $dir ]] || die "usage: $0 --state DIR"
  if ! init_state "$dir" '' existing; then
    say "nothing to stop in $dir"
    return 0
  fi
  mapfile -t COMPONENTS < <(profile_components)
  local t0 c i pids=() rc=0
  t0=$(now_us)
  for c in "${COMPONENTS[@]}"; do
    "$INFRA_DIR/$c.sh" stop --state "$STATE" & pids+=($!)
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || { warn "${COMPONENTS[$i]}: stop failed"; rc=1; }
  done
  say "profile $PROFILE in $STATE stopped in $(since "$t0")"
  return "$rc"
}

main "$@"
