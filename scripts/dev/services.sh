#!/usr/bin/env bash
# Starts or stops the four services for local work (what `make up` / `make down` call), each as its own
# process on loopback, against the infrastructure that scripts/infra/up.sh started in the same state dir.
#   scripts/dev/services.sh start|stop|status [--state DIR]
# Health endpoints: scheduler 8181, snapshotter 8182, uploader 8183, restorer 8184 (override with
# VELERO_<ROLE>_PORT). Logs: DIR/services/<role>/log/<role>.log.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../infra/lib.sh
. "$ROOT/scripts/infra/lib.sh"

parse_action_and_state "$@"

ROLES=(scheduler snapshotter uploader restorer)
declare -A DEFAULT_PORT=([scheduler]=8181 [snapshotter]=8182 [uploader]=8183 [restorer]=8184)
CONFIGURATION=${VELERO_CONFIGURATION:-Release}

port_of() { local var="VELERO_${1^^}_PORT"; printf '%s' "${!var:-${DEFAULT_PORT[$1]}}"; }
assembly_of() { printf 'services/Velero.%s/bin/%s/net10.0/Velero.%s.dll' "${1^}" "$CONFIGURATION" "${1^}"; }
pidfile_of() { printf '%s/services/%s/pids/%s.pid' "$STATE" "$1" "$1"; }

ready() { curl -sf -o /dev/null "http://127.0.0.1:$1/readyz"; }

start() {
  [[ -f $STATE/env ]] || die "no $STATE/env: start the infrastructure first (make infra-up)"
  # shellcheck source=/dev/null
  . "$STATE/env"
  local role to_start=() started=() t0
  for role in "${ROLES[@]}"; do
    COMPONENT=services/$role
    if pidfile_pid "$(pidfile_of "$role")" >/dev/null; then
      say "already running (health on 127.0.0.1:$(port_of "$role"))"
    else
      to_start+=("$role")
    fi
  done
  (( ${#to_start[@]} )) || return 0
  # Only when something starts: rebuilding under running services would swap their assemblies.
  echo "services: building ($CONFIGURATION)"
  dotnet build "$ROOT/services/Velero.Cli" -c "$CONFIGURATION" -v quiet -nologo >/dev/null
  # The emulated clusters of scripts/dev/clusters.sh, when they run.
  local cluster_env=()
  if [[ -f $STATE/kubeconfig ]]; then
    cluster_env=("Clusters__Kubeconfig=$STATE/kubeconfig" Clusters__Contexts__0=dev-a Clusters__Contexts__1=dev-b)
  fi
  for role in "${to_start[@]}"; do
    COMPONENT=services/$role
    mkdir -p "$STATE/$COMPONENT/pids" "$STATE/$COMPONENT/log"
    require_port_free "$(port_of "$role")" "$role health endpoint"
    start_daemon "$(pidfile_of "$role")" "$STATE/$COMPONENT/log/$role.log" \
      env "${cluster_env[@]}" dotnet "$ROOT/$(assembly_of "$role")" --urls "http://127.0.0.1:$(port_of "$role")"
    started+=("$role")
  done
  t0=$(now_us)
  for role in "${started[@]}"; do
    COMPONENT=services/$role
    if ! wait_ready 60 0.2 ready "$(port_of "$role")"; then
      show_log_tail "$STATE/$COMPONENT/log/$role.log"
      die "$role did not become ready on 127.0.0.1:$(port_of "$role")"
    fi
    say "ready on 127.0.0.1:$(port_of "$role") in $(since "$t0")"
  done
}

stop() {
  local i role
  # Reverse order: the scheduler, which records what the others report, goes last.
  for (( i = ${#ROLES[@]} - 1; i >= 0; i-- )); do
    role=${ROLES[i]}
    COMPONENT=services/$role
    STOPPED_COUNT=0
    stop_pidfiles TERM "$(pidfile_of "$role")"
    report_stopped
  done
}

status() {
  local role pid
  for role in "${ROLES[@]}"; do
    COMPONENT=services/$role
    if pid=$(pidfile_pid "$(pidfile_of "$role")"); then
      if ready "$(port_of "$role")"; then say "ready (PID $pid)"; else say "running, not ready (PID $pid)"; fi
    else
      say "not running"
    fi
  done
}

case $ACTION in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: scripts/dev/services.sh start|stop|status [--state DIR]" ;;
esac
