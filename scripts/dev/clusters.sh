#!/usr/bin/env bash
# Starts or stops the two emulated Kubernetes clusters of the local stack (what `make up` / `make down` call):
# contexts dev-a and dev-b, both in DIR/kubeconfig, served by the project's API-server emulator
# (tests/Velero.KubeEmulator) on loopback. Each keeps a stable kube-system uid (the cluster id) across restarts.
#   scripts/dev/clusters.sh start|setup|stop|status [--state DIR]
# `setup` readies both clusters for backups as `velero install` would: the velero.io CRDs, the velero namespace,
# the cloud-credentials Secret and a default BackupStorageLocation on the local S3 server (bucket `velero`, shared
# by both clusters, so a backup taken in dev-a can be restored into dev-b).
# Ports: dev-a 16443, dev-b 16444 (override with VELERO_DEV_A_PORT / VELERO_DEV_B_PORT).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../infra/lib.sh
. "$ROOT/scripts/infra/lib.sh"

parse_action_and_state "$@"

CLUSTERS=(dev-a dev-b)
declare -A PORT=([dev-a]=${VELERO_DEV_A_PORT:-16443} [dev-b]=${VELERO_DEV_B_PORT:-16444})
KUBECONFIG_FILE=$STATE/kubeconfig
EMULATOR=$ROOT/tests/Velero.KubeEmulator/bin/Release/net10.0/Velero.KubeEmulator.dll

pidfile_of() { printf '%s/clusters/%s/pids/emulator.pid' "$STATE" "$1"; }
reachable() { kubectl --kubeconfig "$KUBECONFIG_FILE" --context "$1" --request-timeout=2s get namespace kube-system -o name >/dev/null 2>&1; }

start() {
  local cluster to_start=() t0
  for cluster in "${CLUSTERS[@]}"; do
    COMPONENT=clusters/$cluster
    if pidfile_pid "$(pidfile_of "$cluster")" >/dev/null; then
      say "already running on 127.0.0.1:${PORT[$cluster]}"
    else
      to_start+=("$cluster")
    fi
  done
  (( ${#to_start[@]} )) || return 0
  echo "clusters: building the API-server emulator"
  dotnet build "$ROOT/tests/Velero.KubeEmulator" -c Release -v quiet -nologo >/dev/null
  mkdir -p "$STATE"
  # One at a time: each emulator merges its context into the shared kubeconfig.
  for cluster in "${to_start[@]}"; do
    COMPONENT=clusters/$cluster
    mkdir -p "$STATE/$COMPONENT/pids" "$STATE/$COMPONENT/log"
    require_port_free "${PORT[$cluster]}" "cluster $cluster"
    t0=$(now_us)
    start_daemon "$(pidfile_of "$cluster")" "$STATE/$COMPONENT/log/emulator.log" \
      dotnet "$EMULATOR" --listen "127.0.0.1:${PORT[$cluster]}" --kubeconfig "$KUBECONFIG_FILE" --context "$cluster" \
      --cluster-id-seed "velero-dev"
    if ! wait_ready 60 0.2 reachable "$cluster"; then
      show_log_tail "$STATE/$COMPONENT/log/emulator.log"
      die "cluster $cluster did not answer on 127.0.0.1:${PORT[$cluster]}"
    fi
    say "ready on 127.0.0.1:${PORT[$cluster]} in $(since "$t0") (kubectl --kubeconfig $KUBECONFIG_FILE --context $cluster)"
  done
}

setup() {
  [[ -f $STATE/env ]] || die "no $STATE/env: start the infrastructure first (make infra-up)"
  # shellcheck source=/dev/null
  . "$STATE/env"
  local velero=$ROOT/services/Velero.Cli/bin/Release/net10.0/velero.dll crds cluster
  [[ -f $velero ]] || dotnet build "$ROOT/services/Velero.Cli" -c Release -v quiet -nologo >/dev/null
  crds=$(dotnet "$velero" install --crds-only --dry-run -o yaml)
  # The bucket: a signed PUT (curl's SigV4 needs the payload hash header with RGW); 409 means it exists.
  curl -sS -o /dev/null -X PUT --aws-sigv4 "aws:amz:us-east-1:s3" --user "$VELERO_S3_ACCESS_KEY:$VELERO_S3_SECRET_KEY" \
    -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$VELERO_S3_URL/velero"
  for cluster in "${CLUSTERS[@]}"; do
    COMPONENT=clusters/$cluster
    local k=(kubectl --kubeconfig "$KUBECONFIG_FILE" --context "$cluster")
    "${k[@]}" apply --server-side --force-conflicts -f - <<<"$crds" >/dev/null
    "${k[@]}" wait --for condition=established --timeout=60s crd/backups.velero.io >/dev/null
    "${k[@]}" create namespace velero --dry-run=client -o yaml | "${k[@]}" apply -f - >/dev/null
    "${k[@]}" -n velero create secret generic cloud-credentials --dry-run=client -o yaml \
      --from-literal=cloud="$(printf '[default]\naws_access_key_id=%s\naws_secret_access_key=%s\n' \
        "$VELERO_S3_ACCESS_KEY" "$VELERO_S3_SECRET_KEY")" | "${k[@]}" apply -f - >/dev/null
    "${k[@]}" apply -f - >/dev/null <<MANIFEST
apiVersion: velero.io/v1
kind: BackupStorageLocation
metadata:
  name: default
  namespace: velero
spec:
  provider: aws
  default: true
  objectStorage:
    bucket: velero
  config:
    region: us-east-1
    s3Url: $VELERO_S3_URL
    s3ForcePathStyle: "true"
MANIFEST
    say "ready for backups (CRDs, namespace velero, BackupStorageLocation default on $VELERO_S3_URL/velero)"
  done
}

stop() {
  local cluster
  for cluster in "${CLUSTERS[@]}"; do
    COMPONENT=clusters/$cluster
    STOPPED_COUNT=0
    stop_pidfiles TERM "$(pidfile_of "$cluster")"
    report_stopped
  done
}

status() {
  local cluster pid
  for cluster in "${CLUSTERS[@]}"; do
    COMPONENT=clusters/$cluster
    if pid=$(pidfile_pid "$(pidfile_of "$cluster")") && reachable "$cluster"; then
      say "running (PID $pid) on 127.0.0.1:${PORT[$cluster]}"
    else
      say "not running"
    fi
  done
}

case $ACTION in
  start) start ;;
  setup) setup ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: scripts/dev/clusters.sh start|setup|stop|status [--state DIR]" ;;
esac
