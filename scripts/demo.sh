#!/usr/bin/env bash
# `make demo`: the whole platform in a few minutes on one machine. Builds the `velero` binary (out/velero), starts the
# local stack (`make up`, reused when it runs), seeds cluster dev-a with the bookstore of deploy/demo/bookstore, backs
# it up with the CLI, deletes its namespace, restores it, proves every object is back, migrates it into cluster dev-b
# under another namespace, and prints a report: what was backed up, how long each step took, where the backup lives.
#   scripts/demo.sh            (environment: DEMO_NAMESPACE=bookstore, DEMO_TARGET_NAMESPACE=bookstore-migrated)
# Any failing step prints "demo FAILED at step N (...)" and exits non-zero. The stack stays up: `make down` stops it.
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=infra/lib.sh
. "$ROOT/scripts/infra/lib.sh"

STATE=$ROOT/.local
KUBECONFIG_FILE=$STATE/kubeconfig
APP_DIR=$ROOT/deploy/demo/bookstore
NS=${DEMO_NAMESPACE:-bookstore}
TARGET_NS=${DEMO_TARGET_NAMESPACE:-bookstore-migrated}
VELERO=$ROOT/out/velero
BACKUP=demo-$(date -u +%Y%m%d%H%M%S)
RESTORE=$BACKUP-restore
MIGRATION=$BACKUP-to-dev-b
# Every object of the application carries this label; the namespace's own defaults (ServiceAccount default,
# ConfigMap kube-root-ca.crt) do not, so they stay out of the comparisons.
SELECTOR=app.kubernetes.io/part-of=bookstore
KINDS=deployments.apps,statefulsets.apps,services,configmaps,secrets,persistentvolumeclaims,serviceaccounts,roles.rbac.authorization.k8s.io,rolebindings.rbac.authorization.k8s.io,shelves.catalog.bookstore.example
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ka() { kubectl --kubeconfig "$KUBECONFIG_FILE" --context dev-a "$@"; }
kb() { kubectl --kubeconfig "$KUBECONFIG_FILE" --context dev-b "$@"; }
velero_a() { "$VELERO" --kubeconfig "$KUBECONFIG_FILE" --kubecontext dev-a "$@"; }
velero_b() { "$VELERO" --kubeconfig "$KUBECONFIG_FILE" --kubecontext dev-b "$@"; }

# ---------------------------------------------------------------- steps and timings

STEP_NAMES=()
STEP_TIMES=()
CURRENT=""
DEMO_T0=$(now_us)
STEP_T0=$DEMO_T0

step() {
  CURRENT=$1
  STEP_T0=$(now_us)
  printf '\n\033[1m==> [%d/10] %s\033[0m\n' $(( ${#STEP_NAMES[@]} + 1 )) "$CURRENT"
}

done_step() {
  local took
  took=$(since "$STEP_T0")
  STEP_NAMES+=("$CURRENT")
  STEP_TIMES+=("$took")
  printf '    done in %s\n' "$took"
}

on_error() {
  local rc=$?
  trap - ERR
  # A failing command inside a pipeline's subshell: the main shell reports it once.
  [[ $BASHPID == "$$" ]] || exit "$rc"
  printf '\n\033[1;31mdemo FAILED at step %d (%s), exit code %d.\033[0m\n' $(( ${#STEP_NAMES[@]} + 1 )) "$CURRENT" "$rc" >&2
  printf 'Service logs: %s/services/<role>/log/; cluster logs: %s/clusters/<cluster>/log/.\n' "$STATE" "$STATE" >&2
  exit 1
}
trap on_error ERR

need() { command -v "$1" >/dev/null || die "$1 is needed (${2:-apt-get install $1})"; }

# ---------------------------------------------------------------- what the application looks like

# One line per object of the application: kind, name, labels and the fields that define it. Cluster-assigned fields
# (uid, resourceVersion, timestamps, cluster IPs) are left out; Secrets are shown as the SHA-256 of their data, never
# their contents. Namespaces in role-binding subjects are printed so a migration's mapping can be checked. The
# velero.io/backup-name and velero.io/restore-name labels a restore adds (as upstream's does) are left out.
listing() {
  local context=$1 namespace=$2
  kubectl --kubeconfig "$KUBECONFIG_FILE" --context "$context" -n "$namespace" get "$KINDS" -l "$SELECTOR" -o json |
    jq -r '.items[] | [.kind, .metadata.name,
      (.metadata.labels // {} | with_entries(select(.key | startswith("velero.io/") | not)) | tojson),
      (if .kind == "Deployment" or .kind == "StatefulSet" then
         {replicas: .spec.replicas, selector: .spec.selector, images: [.spec.template.spec.containers[].image],
          serviceAccount: .spec.template.spec.serviceAccountName, claims: [.spec.volumeClaimTemplates[]?.metadata.name]}
       elif .kind == "Service" then {type: .spec.type, headless: (.spec.clusterIP == "None"), selector: .spec.selector,
          ports: [.spec.ports[] | "\(.name):\(.port)->\(.targetPort)"]}
       elif .kind == "ConfigMap" then .data
       elif .kind == "Secret" then {type: .type, keys: (.data | keys), sha256: (.data | tojson | @base64)}
       elif .kind == "PersistentVolumeClaim" then {size: .spec.resources.requests.storage, modes: .spec.accessModes,
          class: .spec.storageClassName}
       elif .kind == "Role" then .rules
       elif .kind == "RoleBinding" then {role: .roleRef.name, subjects: [.subjects[] | "\(.kind):\(.name)@\(.namespace)"]}
       elif .kind == "Shelf" then .spec
       else {} end | tojson)] | @tsv' |
    # The base64 of the Secret data above is hashed here, so no Secret content reaches the terminal or a file.
    while IFS=$'\t' read -r kind name labels fields; do
      if [[ $kind == Secret ]]; then
        local data=${fields##*\"sha256\":\"}
        data=${data%%\"*}
        fields=${fields/"$data"/$(printf '%s' "$data" | sha256sum | cut -c1-16)}
      fi
      printf '%s\t%s\t%s\t%s\n' "$kind" "$name" "$labels" "$fields"
    done | sort
}

count_by_kind() { cut -f1 "$1" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}' | sed 's/, $//'; }

compare() {
  local expected=$1 actual=$2 where=$3
  if diff -u "$expected" "$actual" >"$WORK/diff"; then
    printf '    %s: all %d objects back, identical in name, labels and key fields (%s)\n' "$where" \
      "$(wc -l <"$expected")" "$(count_by_kind "$expected")"
  else
    printf '    %s: objects differ from what was backed up:\n' "$where"
    sed 's/^/      /' "$WORK/diff"
    return 1
  fi
}

# ---------------------------------------------------------------- the demo

step "build the velero binary (out/velero) and the services"
need dotnet "the .NET 10 SDK"
need kubectl
need curl
command -v jq >/dev/null || { [[ $(id -u) == 0 ]] && apt-get install -y -qq jq >/dev/null; } || die "jq is needed (apt-get install jq)"
make -s out/velero
[[ -x $VELERO ]] || die "no $VELERO after the build"
for command in "backup create" "backup describe" "backup get" "restore create"; do
  # shellcheck disable=SC2086 # the command's words
  "$VELERO" $command --help 2>&1 | grep -q "velero $command" || die "this velero has no '$command' command yet"
done
"$VELERO" version --client-only | sed 's/^/    /'
done_step

step "start the local stack (make up; reused when it runs)"
make -s up 2>&1 | sed 's/^/    /'
# shellcheck source=/dev/null
. "$STATE/env"
done_step

step "seed cluster dev-a with the bookstore (deploy/demo/bookstore)"
if ka get namespace "$NS" >/dev/null 2>&1; then
  echo "    namespace $NS exists from an earlier run: deleting it first"
  ka delete namespace "$NS" --wait=true --timeout=60s >/dev/null
fi
# The CRD first, established, before its custom resources.
ka apply -f "$APP_DIR/00-namespace.yaml" -f "$APP_DIR/01-catalog-crd.yaml" >/dev/null
ka wait --for condition=established --timeout=60s crd/shelves.catalog.bookstore.example >/dev/null
ka apply -f "$APP_DIR" | sed 's/^/    /'
listing dev-a "$NS" >"$WORK/before.tsv"
printf '    dev-a/%s now holds %d objects: %s\n' "$NS" "$(wc -l <"$WORK/before.tsv")" "$(count_by_kind "$WORK/before.tsv")"
echo "    note: the dev clusters are API-server emulators without controllers: Deployments and the StatefulSet are"
echo "    stored as they would be in a real cluster but start no pods, and data-orders-db-0 is applied as the"
echo "    StatefulSet controller would create it (it stays Pending: no volume is provisioned)."
done_step

step "back up namespace $NS with the CLI: velero backup create $BACKUP --include-namespaces $NS --wait"
velero_a backup create "$BACKUP" --include-namespaces "$NS" --wait 2>&1 | sed 's/^/    /'
phase=$(ka -n velero get backup "$BACKUP" -o jsonpath='{.status.phase}')
[[ $phase == Completed ]] || { echo "    backup $BACKUP ended $phase"; false; }
done_step

step "describe it: velero backup describe $BACKUP"
# Its volume section is read through a DownloadRequest, as upstream's is; until a service answers those, describe
# waits out its timeout and says so in that section.
velero_a backup describe "$BACKUP" 2>&1 | sed 's/^/    /'
done_step

step "delete namespace $NS from dev-a"
ka delete namespace "$NS" --wait=true --timeout=120s | sed 's/^/    /'
left=$(ka get namespace "$NS" -o name 2>/dev/null || true)
[[ -z $left ]] || { echo "    namespace $NS is still there"; false; }
echo "    namespace $NS is gone (0 of $(wc -l <"$WORK/before.tsv") objects left)"
done_step

step "restore it: velero restore create $RESTORE --from-backup $BACKUP --wait"
velero_a restore create "$RESTORE" --from-backup "$BACKUP" --wait 2>&1 | sed 's/^/    /'
phase=$(ka -n velero get restore "$RESTORE" -o jsonpath='{.status.phase}')
[[ $phase == Completed ]] || { echo "    restore $RESTORE ended $phase"; false; }
listing dev-a "$NS" >"$WORK/restored.tsv"
compare "$WORK/before.tsv" "$WORK/restored.tsv" "dev-a/$NS"
done_step

step "migrate it into dev-b as $TARGET_NS: velero restore create --namespace-mappings $NS:$TARGET_NS --kubecontext dev-b"
# Backup sync (a cluster learning of the backups in its storage location) comes later. It is stood in for here: the
# Backup resource is copied from dev-a into dev-b with its status (phase Completed), which the restore's validation
# reads. The velero.io CRDs have no status subresource, as upstream's have none, so the status is created with it.
ka -n velero get backup "$BACKUP" -o json |
  jq 'del(.metadata.uid, .metadata.resourceVersion, .metadata.creationTimestamp, .metadata.generation,
          .metadata.managedFields, .metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"])' |
  kb create -f - >/dev/null
echo "    Backup $BACKUP copied into dev-b (stands in for backup sync)"
if kb get namespace "$TARGET_NS" >/dev/null 2>&1; then
  kb delete namespace "$TARGET_NS" --wait=true --timeout=60s >/dev/null
fi
velero_b restore create "$MIGRATION" --from-backup "$BACKUP" --namespace-mappings "$NS:$TARGET_NS" --wait 2>&1 |
  sed 's/^/    /'
phase=$(kb -n velero get restore "$MIGRATION" -o jsonpath='{.status.phase}')
[[ $phase == Completed ]] || { echo "    restore $MIGRATION ended $phase"; false; }
# In dev-b the role binding's subject follows the mapping; everything else is as it was in dev-a.
sed "s/@$NS\"/@$TARGET_NS\"/g" "$WORK/before.tsv" >"$WORK/expected-b.tsv"
listing dev-b "$TARGET_NS" >"$WORK/migrated.tsv"
compare "$WORK/expected-b.tsv" "$WORK/migrated.tsv" "dev-b/$TARGET_NS"
done_step

step "list the backups: velero backup get"
velero_a backup get 2>&1 | sed 's/^/    /'
done_step

step "read the backup back from the bucket"
s3() {
  curl -sSf --aws-sigv4 "aws:amz:us-east-1:s3" --user "$VELERO_S3_ACCESS_KEY:$VELERO_S3_SECRET_KEY" \
    -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$VELERO_S3_URL/velero$1"
}
# Query parameters are sorted and the prefix's slashes encoded, as the signature's canonical request has them.
s3 "?list-type=2&prefix=backups%2F$BACKUP%2F" | grep -o '<Key>[^<]*</Key>\|<Size>[^<]*</Size>' |
  sed -e 's/<[^>]*>//g' | paste - - >"$WORK/keys.tsv"
s3 "/backups/$BACKUP/$BACKUP-resource-list.json.gz" | gzip -dc >"$WORK/resource-list.json"
jq -r 'to_entries[] | "\(.value | length)\t\(.key)"' "$WORK/resource-list.json" | sort -k2 >"$WORK/kinds.tsv"
done_step

total=$(since "$DEMO_T0")
printf '\n\033[1m==> Report\033[0m\n'
printf 'Backup %s of namespace %s in cluster dev-a, %d items by kind:\n' "$BACKUP" "$NS" \
  "$(awk -F'\t' '{n += $1} END {print n}' "$WORK/kinds.tsv")"
awk -F'\t' '{printf "  %4d  %s\n", $1, $2}' "$WORK/kinds.tsv"
echo "  (the CRD is included because its Shelves are; the namespace's default ServiceAccount and kube-root-ca.crt"
echo "  ConfigMap, which every namespace has, are in it too)"
printf 'Where it lives: bucket "velero" on %s (BackupStorageLocation default), shared by dev-a and dev-b:\n' "$VELERO_S3_URL"
awk -F'\t' '{printf "  %-70s %8d bytes\n", $1, $2}' "$WORK/keys.tsv"
echo "Timings:"
for i in "${!STEP_NAMES[@]}"; do
  printf '  %7s  %s\n' "${STEP_TIMES[$i]}" "${STEP_NAMES[$i]}"
done
printf '  %7s  total\n' "$total"
echo "Restores: $RESTORE (dev-a, namespace $NS), $MIGRATION (dev-b, namespace $NS -> $TARGET_NS)."
echo "Look closer:"
echo "  out/velero backup describe $BACKUP --details --kubeconfig .local/kubeconfig --kubecontext dev-a"
echo "  kubectl --kubeconfig .local/kubeconfig --context dev-b -n $TARGET_NS get all,shelves"
echo "  service logs: .local/services/<role>/log/<role>.log; backup history: the scheduler's PostgreSQL (.local/env)"
if [[ -n ${OTEL_EXPORTER_OTLP_ENDPOINT:-} ]]; then
  echo "  traces: exported to $OTEL_EXPORTER_OTLP_ENDPOINT; one trace per backup and restore, across the services"
else
  echo "  traces: not exported by this stack; run a collector (docker compose up -d jaeger: UI on http://127.0.0.1:16686),"
  echo "  then make down && OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317 make demo: one trace per backup and restore."
fi
echo "The stack keeps running; make down stops it."
