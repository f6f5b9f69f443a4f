#!/usr/bin/env bash
# One Ceph "cluster" for one state dir: a mon, a memstore OSD and radosgw (S3), loopback only, no cephx.
#   ceph.sh start|stop|status --state DIR [--profile dev|test]
# Recipe and traps: /work/shared/docs/local-infrastructure.md §4 and "Recommended CI recipe".
# memstore keeps everything in RAM, so every start creates a fresh cluster (and the S3 user again).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
COMPONENT=ceph
START_TIMEOUT=${VELERO_CEPH_START_TIMEOUT:-180}
DAEMONS=(rgw osd mon)   # also the stop order

paths() {
  C=$STATE/ceph
  PIDS=$C/pids
  LOGS=$C/log
  CONF=$C/ceph.conf
}

rgw_answers() { curl -s -o /dev/null --max-time 3 "http://127.0.0.1:$RGW_PORT/"; }
user_exists() { radosgw-admin -c "$CONF" user info --uid=velero >/dev/null 2>&1; }

all_alive() {
  local d
  for d in "${DAEMONS[@]}"; do pidfile_pid "$PIDS/$d.pid" >/dev/null || return 1; done
}

# Ready = rgw answers HTTP (it only listens once it reached the OSD); 2 = a daemon died, stop waiting.
# radosgw creates its pools with mon commands at startup, so the zero-fsid race (see write_conf) can make
# it exit; it is restarted up to RGW_ATTEMPTS times before giving up.
RGW_ATTEMPTS=3
rgw_started=0
launch_rgw() {
  rgw_started=$(( rgw_started + 1 ))
  start_daemon "$PIDS/rgw.pid" "$LOGS/rgw.out" radosgw -c "$CONF" -n client.rgw -f
}
cluster_ready() {
  pidfile_pid "$PIDS/mon.pid" >/dev/null && pidfile_pid "$PIDS/osd.pid" >/dev/null || return 2
  if ! pidfile_pid "$PIDS/rgw.pid" >/dev/null; then
    (( rgw_started < RGW_ATTEMPTS )) || return 2
    say "radosgw exited during startup (attempt $rgw_started), restarting it; see $LOGS/rgw.out"
    launch_rgw
    return 1
  fi
  rgw_answers
}

component_status() {
  paths
  if all_alive && rgw_answers; then
    say "running: S3 on http://127.0.0.1:$RGW_PORT, mon 127.0.0.1:$CEPH_MON_PORT"
    return 0
  fi
  say "not running"
  return 1
}

component_stop() {
  paths
  [[ -d $PIDS ]] || { say "was not running"; return 0; }
  # One after the other, clients first: TERM to all three at once (doc §4) sometimes left radosgw hung
  # in its shutdown once the OSD was gone (it arms a 120 s alarm), and an OSD whose mon is gone waits
  # osd_mon_shutdown_timeout (5 s) for a stop ack that never comes.
  local d
  for d in "${DAEMONS[@]}"; do stop_pidfiles TERM "$PIDS/$d.pid"; done
  report_stopped
}

start_failed() {
  say "FAILED to start ($1)"
  local d
  for d in mon mkfs osd rgw; do [[ -s $LOGS/$d.out ]] && show_log_tail "$LOGS/$d.out"; done
  for d in "$LOGS"/*.log; do [[ -e $d ]] && show_log_tail "$d"; done
  component_stop >/dev/null 2>&1 || true
  exit 1
}

write_conf() {
  local fsid=$1
  # `cluster addr` + `ms bind port min/max`: doc §4 trap, without `cluster addr` the OSD listens on
  # 0.0.0.0:680x; the per-profile port range keeps a dev and a test OSD from taking each other's ports.
  cat >"$CONF" <<CONF
[global]
fsid = $fsid
mon host = v1:127.0.0.1:$CEPH_MON_PORT
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
ms bind port min = $CEPH_MS_PORT_MIN
ms bind port max = $CEPH_MS_PORT_MAX
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
osd crush chooseleaf type = 0
# The OSD's own crush/device-class updates at boot are mon commands sent with the fsid of a monmap it
# may not have received yet; under load the mon rejects them ("wrong fsid", EPERM) and the OSD exits.
# Measured here: dev failed this way when started beside a running test instance. We place the OSD in
# the crush map ourselves before it starts (see component_start).
osd crush update on start = false
osd class update on start = false
run dir = $C/run
crash dir = $C/crash
log file = $LOGS/\$name.log
admin socket = $C/run/\$name.asok
mon data = $C/\$name
osd data = $C/\$name
osd objectstore = memstore
memstore device bytes = 4294967296
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw data = $C/rgw
CONF
}

component_start() {
  paths
  local t0 rc=0 fsid osd_uuid
  t0=$(now_us)
  load_s3_credentials
  if all_alive && rgw_answers && user_exists; then
    say "already running on 127.0.0.1:$RGW_PORT"
    return 0
  fi
  component_stop >/dev/null
  require_port_free "$CEPH_MON_PORT" "ceph mon"
  require_port_free "$RGW_PORT" radosgw

  # Fresh cluster each time: memstore lost the data anyway, and a new fsid avoids any confusion with the
  # previous run's maps. Logs are kept (appended to) for post-mortems.
  if [[ -d $C ]]; then find "$C" -mindepth 1 -maxdepth 1 ! -name log -exec rm -rf {} +; fi
  mkdir -p "$C/mon.a" "$C/osd.0" "$C/rgw" "$C/run" "$C/crash" "$LOGS" "$PIDS"
  fsid=$(cat /proc/sys/kernel/random/uuid)    # uuidgen (uuid-runtime) is not installed everywhere
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  write_conf "$fsid"
  local cc=(-c "$CONF")

  monmaptool --create --add a "v1:127.0.0.1:$CEPH_MON_PORT" --fsid "$fsid" "$C/monmap" >"$LOGS/mkfs.out" 2>&1 ||
    start_failed "monmaptool failed"
  ceph-mon "${cc[@]}" --mkfs -i a --monmap "$C/monmap" >>"$LOGS/mkfs.out" 2>&1 || start_failed "ceph-mon --mkfs failed"
  start_daemon "$PIDS/mon.pid" "$LOGS/mon.out" ceph-mon "${cc[@]}" -i a -f

  # `osd new` needs the mon; the CLI waits until it answers (bounded by --connect-timeout). Retried:
  # like the OSD (see write_conf), the CLI sometimes sends its first command with a zero fsid and gets
  # "EPERM: problem getting command descriptions from mon" (measured, with a dev and a test instance
  # starting at once). `osd new` with the same uuid is idempotent.
  retry 5 1 ceph "${cc[@]}" --connect-timeout 60 osd new "$osd_uuid" >>"$LOGS/mkfs.out" 2>&1 ||
    start_failed "ceph osd new failed (mon not answering on 127.0.0.1:$CEPH_MON_PORT?)"
  # Crush placement (what the OSD would do itself, see the conf comment) runs beside the OSD's mkfs.
  retry 5 1 ceph "${cc[@]}" --connect-timeout 60 osd crush create-or-move osd.0 1.0 root=default host=localhost \
    >"$LOGS/crush.out" 2>&1 &
  local crush_pid=$!
  ceph-osd "${cc[@]}" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$LOGS/mkfs.out" 2>&1 || start_failed "ceph-osd --mkfs failed"
  wait "$crush_pid" || { show_log_tail "$LOGS/crush.out"; start_failed "ceph osd crush create-or-move failed"; }
  start_daemon "$PIDS/osd.pid" "$LOGS/osd.out" ceph-osd "${cc[@]}" -i 0 -f
  launch_rgw

  wait_ready "$START_TIMEOUT" 0.5 cluster_ready || rc=$?
  case $rc in
    0) ;;
    2) start_failed "a ceph daemon exited" ;;
    *) start_failed "radosgw not answering on 127.0.0.1:$RGW_PORT after ${START_TIMEOUT}s" ;;
  esac
  retry 3 1 radosgw-admin "${cc[@]}" user create --uid=velero --display-name=velero \
    --access-key="$S3_ACCESS_KEY" --secret-key="$S3_SECRET_KEY" >>"$LOGS/mkfs.out" 2>&1 ||
    user_exists || start_failed "radosgw-admin user create failed"
  printf 'ceph-rgw ready on 127.0.0.1:%s in %s\n' "$RGW_PORT" "$(since "$t0")"
}

component_main "$@"
