#!/usr/bin/env bash
# Smoke test of the archives `make images` built (called by scripts/images/build.sh, not by make test):
#  1. buildah run (chroot isolation) of the velero image: `velero version --client-only`, velero-restore-helper's
#     usage error, and the helper finishing on a mounted /restores whose volume has its done marker;
#  2. the image's root filesystem (umoci unpack) mounted read-only, without /tmp, entered with chroot as 65532:65532:
#     `velero version --client-only`, then `velero server --roles uploader` against a RabbitMQ on loopback until
#     /healthz and /readyz answer, stopped by its PID;
#  3. each plugin image's entry point copying its /plugins into a temporary /target.
# RabbitMQ: scripts/infra/rabbitmq.sh with a state dir of its own (ports from VELERO_RABBITMQ_* as for up.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=out/images
S=$ROOT/$OUT/smoke
STORE=$S/buildah
HEALTH_PORT=${VELERO_SMOKE_HEALTH_PORT:-18085}
say() { printf 'smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAIL %s\n' "$*" >&2; exit 1; }
bah() { buildah --root "$STORE/root" --runroot "$STORE/run" --storage-driver vfs "$@"; }
VERSION=$(out/velero version --client-only | awk '/Version:/ { print $2 }')
SERVER_PID=''
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  bash scripts/infra/rabbitmq.sh stop --state "$S/infra" >/dev/null 2>&1 || true
  bah rm -a >/dev/null 2>&1 || true
  bah rmi -a -f >/dev/null 2>&1 || true
  rm -rf "$S"
}
trap cleanup EXIT
rm -rf "$S"; mkdir -p "$S"
bash scripts/infra/rabbitmq.sh start --state "$S/infra" --profile test >/dev/null &
RMQ_JOB=$!

# 1. buildah run.
c=$(bah from -q "oci-archive:$ROOT/$OUT/velero.oci.tar")
out=$(bah run --isolation chroot "$c" -- /velero version --client-only)
grep -q "Version: $VERSION" <<<"$out" || fail "velero version printed: $out"
say "buildah run: /velero version --client-only -> $(tr '\n\t' '  ' <<<"$out")"
# buildah adds its own lines about the non-zero exit; only the helper's line is kept.
set +e; bah run --isolation chroot "$c" -- /velero-restore-helper >"$S/helper.log" 2>&1 </dev/null; code=$?; set -e
out=$(grep -v -e '^subprocess exited' -e '^Error: exit status' "$S/helper.log" || true)
[[ $code == 1 && $out == *"exactly one argument must be provided"* ]] || fail "restore helper without arguments: exit $code, $out"
say "buildah run: /velero-restore-helper -> exit 1, $out"
mkdir -p "$S/restores/vol-a/.velero" && touch "$S/restores/vol-a/.velero/smoke-uid" && chmod -R 0777 "$S/restores"
out=$(timeout 30 buildah --root "$STORE/root" --runroot "$STORE/run" --storage-driver vfs run --isolation chroot \
  -v "$S/restores:/restores" "$c" -- /velero-restore-helper smoke-uid)
[[ $out == *"All restic restores are done"* && ! -e $S/restores/vol-a/.velero ]] || fail "restore helper with a done marker: $out"
say "buildah run: /velero-restore-helper smoke-uid with /restores/vol-a done -> exit 0, marker folder removed"

# 2. Read-only root filesystem, the image's user, no /tmp.
umoci unpack --image "$OUT/velero.oci.tar" "$S/bundle" >/dev/null 2>&1 || {
  mkdir -p "$S/layout" && skopeo copy -q "oci-archive:$OUT/velero.oci.tar" "oci:$S/layout:velero" &&
  umoci unpack --image "$S/layout:velero" "$S/bundle" >/dev/null; }
RF=$S/bundle/rootfs
[[ ! -e $RF/tmp ]] || fail "the image has /tmp"
# Mount points a container runtime provides (the image has none; real runtimes create them).
mkdir -p "$RF/proc" "$RF/dev"
ro_run() { # runs a command in the read-only rootfs as 65532, in a private mount namespace; exec keeps the PID
  exec unshare -m -- bash -c 'set -e; rf=$1; shift
    mount --bind "$rf" "$rf"; mount -o remount,bind,ro "$rf"; mount -t proc proc "$rf/proc"; mount --rbind /dev "$rf/dev"
    exec chroot --userspec=65532:65532 "$rf" "$@"' ro-run "$RF" "$@"
}
out=$(env -i DOTNET_EnableDiagnostics=0 bash -c "$(declare -f ro_run); RF=$RF; ro_run /velero version --client-only")
grep -q "Version: $VERSION" <<<"$out" || fail "read-only root: velero version printed: $out"
say "read-only root, user 65532, no /tmp: /velero version --client-only -> ok"
wait "$RMQ_JOB" || fail "RabbitMQ did not start"
# shellcheck source=/dev/null
. "$S/infra/infra.conf"
ConnectionStrings__RabbitMq="amqp://guest:guest@127.0.0.1:$RMQ_PORT/"
t0=$(date +%s.%N)
env -i DOTNET_EnableDiagnostics=0 "ConnectionStrings__RabbitMq=$ConnectionStrings__RabbitMq" \
  bash -c "$(declare -f ro_run); RF=$RF; ro_run /velero server --roles uploader --urls http://127.0.0.1:$HEALTH_PORT" \
  >"$S/server.log" 2>&1 &
SERVER_PID=$!
ok=0
for _ in $(seq 300); do
  if curl -sf -o /dev/null "http://127.0.0.1:$HEALTH_PORT/healthz" && curl -sf -o /dev/null "http://127.0.0.1:$HEALTH_PORT/readyz"; then ok=1; break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.2
done
(( ok )) || { tail -20 "$S/server.log" >&2; fail "velero server --roles uploader did not become healthy"; }
say "read-only root: velero server --roles uploader healthy (/healthz, /readyz) in $(awk -v t0="$t0" -v t1="$(date +%s.%N)" 'BEGIN { printf "%.1f", t1 - t0 }') s"
# Informational: whether the server loaded the image's OpenSSL (dlopen'ed on first crypto use, invisible to ldd).
if grep -q 'libcrypto.so.3' "/proc/$SERVER_PID/maps" 2>/dev/null; then say "server mapped the image's libssl/libcrypto: $(grep -o '/lib[^ ]*lib\(ssl\|crypto\).so.3' "/proc/$SERVER_PID/maps" | sort -u | tr '\n' ' ')"; fi
kill "$SERVER_PID"; set +e; wait "$SERVER_PID"; code=$?; set -e; SERVER_PID=''
curl -s -o /dev/null -m 2 "http://127.0.0.1:$HEALTH_PORT/healthz" && fail "the server still answers after its PID was stopped"
say "server stopped by PID (exit $code)"

# 3. Plugin images copy their manifest into /target.
for name in velero-plugin-for-aws velero-plugin-for-gcp velero-plugin-for-microsoft-azure; do
  t=$S/target-$name; mkdir -p "$t"; chmod 0777 "$t"
  p=$(bah from -q "oci-archive:$ROOT/$OUT/$name.oci.tar")
  out=$(bah run --isolation chroot -v "$t:/target" "$p" -- /velero-plugin-copy)
  ls "$t"/*.json >/dev/null 2>&1 || fail "$name copied nothing: $out"
  say "$name: $out ($(cd "$t" && ls))"
done
say "all passed"
