# shellcheck shell=bash disable=SC2034  # variables here are used by the scripts that source this file
# Shared helpers for scripts/infra/*.sh (sourced, never executed).
#
# Layout of a state directory DIR (one instance = one DIR = one profile):
#   DIR/infra.conf            resolved profile, ports and names (sourced by every script)
#   DIR/env                   the file tests and services `source` (written by up.sh)
#   DIR/s3-credentials        S3 keys, kept across restarts so DIR/env stays stable
#   DIR/<component>/pids/*.pid  PIDs of the processes we started (plain numbers)
#   DIR/<component>/log/      logs
# Reference for every "trap" cited below: /work/shared/docs/local-infrastructure.md.

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PG_BIN=${VELERO_PG_BIN:-/usr/lib/postgresql/15/bin}
# Doc §2 trap: the /usr/sbin wrappers `su rabbitmq` and then use the wrong Erlang cookie.
RABBIT_BIN=/usr/lib/rabbitmq/bin
STOP_TIMEOUT=${VELERO_STOP_TIMEOUT:-30}

# ---------------------------------------------------------------- logging

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
warn() { printf 'warning: %s\n' "$*" >&2; }
# Progress lines, prefixed with the component so parallel output stays readable.
say() { printf '%s: %s\n' "${COMPONENT:-infra}" "$*"; }

# Print the last lines of a log, indented, to explain a failure.
show_log_tail() {
  local file=$1 lines=${2:-20}
  if [[ -s $file ]]; then
    printf -- '--- last %s lines of %s ---\n' "$lines" "$file"
    tail -n "$lines" "$file" | sed 's/^/  | /'
    printf -- '---\n'
  else
    printf -- '--- %s is empty or missing ---\n' "$file"
  fi
}

# ---------------------------------------------------------------- time

# Microseconds since the epoch. EPOCHREALTIME uses the locale's decimal separator.
now_us() { local t=${EPOCHREALTIME/[.,]/}; printf '%s' "$t"; }
# Seconds since a now_us stamp, one decimal: "8.1s".
since() {
  local us=$(( $(now_us) - $1 ))
  printf '%d.%ds' $(( us / 1000000 )) $(( us / 100000 % 10 ))
}

# ---------------------------------------------------------------- processes

# Every daemon we start carries VELERO_INFRA_OWNER=<state>/<component> in its environment, so a PID file
# is only trusted if the process behind it really is ours: after a reboot or a kill -9, a stale PID may
# belong to an unrelated process, which must never be "cleaned up".
owner_tag() { printf '%s/%s' "$STATE" "$COMPONENT"; }

# True if PID runs, is not a zombie, and (if OWNER is given) carries our owner tag.
# Zombie check: PID 1 on these machines does not reap orphans (doc §2: "Processes that end up owned by
# PID 1 stay as <defunct> zombies"), so `kill -0` alone would report an exited daemon as alive forever.
pid_alive() {
  local pid=$1 owner=${2:-} stat
  [[ $pid =~ ^[1-9][0-9]*$ ]] || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }            # drop "pid (comm) "; comm may contain spaces
  [[ ${stat:0:1} != Z ]] || return 1
  [[ -z $owner ]] && return 0
  grep -qzxF "VELERO_INFRA_OWNER=$owner" "/proc/$pid/environ" 2>/dev/null
}

# Print the PID in FILE if that process is alive and ours; fail otherwise.
pidfile_pid() {
  local file=$1 pid
  [[ -s $file ]] || return 1
  read -r pid <"$file" || [[ -n ${pid:-} ]] || return 1
  pid_alive "$pid" "$(owner_tag)" || return 1
  printf '%s' "$pid"
}

# Start a long-running foreground program as a daemon and record its PID in PIDFILE.
# - setsid: own session, so a Ctrl-C in the caller's terminal, or a CI job killing its process group,
#   does not take the daemon down with it.
# - all fds redirected: otherwise `$(up.sh)` or `make up | tee` would wait for EOF as long as it runs.
# - the PID is written by the process itself just before exec, so it is right even if setsid forks.
# - cwd is the component's state dir: crash dumps and core files must not land in the caller's cwd
#   (a crashing RabbitMQ wrote erl_crash.dump into the repository root).
start_daemon() {
  local pidfile=$1 logfile=$2 i
  shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016  # $$, $0 and $@ belong to the inner bash
  ( cd "$STATE/$COMPONENT" &&
    VELERO_INFRA_OWNER=$(owner_tag) exec setsid bash -c 'echo "$$" >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' \
      "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 ) &
  for (( i = 0; i < 100; i++ )); do
    [[ -s $pidfile ]] && return 0
    sleep 0.05
  done
  die "$COMPONENT: $1 did not record its PID in $pidfile"
}

# Wait until none of the PIDs is alive; fail after TIMEOUT seconds.
wait_pids_gone() {
  local timeout=$1 deadline pid left
  shift
  deadline=$(( $(now_us) + timeout * 1000000 ))
  while :; do
    left=0
    for pid in "$@"; do pid_alive "$pid" && left=1; done
    (( left )) || return 0
    (( $(now_us) < deadline )) || return 1
    sleep 0.1
  done
}

# Send SIGNAL to the live PIDs recorded in the given pid files, wait up to STOP_TIMEOUT seconds, then
# SIGKILL what is left. Pid files are removed afterwards. Unknown/dead entries are just cleaned.
# STOPPED_COUNT counts the processes signalled, so callers can say "stopped" vs "was not running".
STOPPED_COUNT=0
stop_pidfiles() {
  local sig=$1 file pid pids=()
  shift
  for file in "$@"; do
    if pid=$(pidfile_pid "$file"); then
      kill "-$sig" "$pid" 2>/dev/null || true
      pids+=("$pid")
      STOPPED_COUNT=$(( STOPPED_COUNT + 1 ))
    fi
  done
  if (( ${#pids[@]} )) && ! wait_pids_gone "$STOP_TIMEOUT" "${pids[@]}"; then
    for pid in "${pids[@]}"; do
      if pid_alive "$pid"; then
        warn "$COMPONENT: PID $pid still alive after ${STOP_TIMEOUT}s, sending KILL"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done
    wait_pids_gone 10 "${pids[@]}" || warn "$COMPONENT: PIDs ${pids[*]} survived SIGKILL"
  fi
  rm -f "$@"
}

report_stopped() {
  if (( STOPPED_COUNT )); then say "stopped"; else say "was not running"; fi
}

# Poll CHECK (a command) every INTERVAL seconds until it returns 0, for at most TIMEOUT seconds.
# CHECK returns 0 = ready, 1 = not yet, 2 = give up now (a daemon died: no point waiting for the timeout).
wait_ready() {
  local timeout=$1 interval=$2 deadline rc
  shift 2
  deadline=$(( $(now_us) + timeout * 1000000 ))
  while :; do
    rc=0
    "$@" || rc=$?
    case $rc in
      0) return 0 ;;
      2) return 2 ;;
    esac
    (( $(now_us) < deadline )) || return 1
    sleep "$interval"
  done
}

# Run a command up to N times, SLEEP seconds apart, until it succeeds.
retry() {
  local n=$1 pause=$2 i
  shift 2
  for (( i = 1; ; i++ )); do
    "$@" && return 0
    (( i < n )) || return 1
    sleep "$pause"
  done
}

# Fail if something already listens on 127.0.0.1:PORT or on all interfaces, so a collision is reported
# by name instead of as an obscure bind error deep in a daemon's log.
require_port_free() {
  local port=$1 what=$2 out
  command -v ss >/dev/null || return 0
  out=$(ss -Htln "( sport = :$port )" 2>/dev/null) || return 0
  [[ -z $out ]] || die "$COMPONENT: port $port ($what) is already in use: $out"
}

# ---------------------------------------------------------------- state, profile, ports

# Per-profile defaults. Every port can be overridden with an env var (clusters of CI runners on one
# host). Ranges are disjoint so a `test` instance runs beside a `dev` one.
profile_defaults() {
  case $1 in
    dev)
      RMQ_PORT=${VELERO_RABBITMQ_PORT:-5672}
      RMQ_DIST_PORT=${VELERO_RABBITMQ_DIST_PORT:-25672}
      EPMD_PORT=${VELERO_EPMD_PORT:-4369}
      RMQ_MGMT_PORT=${VELERO_RABBITMQ_MGMT_PORT:-15672}   # management plugin: dev only
      PG_PORT=${VELERO_POSTGRES_PORT:-55432}
      CEPH_MON_PORT=${VELERO_CEPH_MON_PORT:-6789}
      RGW_PORT=${VELERO_RGW_PORT:-7480}
      CEPH_MS_PORT_MIN=${VELERO_CEPH_MS_PORT_MIN:-6800}
      CEPH_MS_PORT_MAX=${VELERO_CEPH_MS_PORT_MAX:-6899}
      AZURITE_PORT=0                                       # 0 = not started
      ;;
    test)
      RMQ_PORT=${VELERO_RABBITMQ_PORT:-5673}
      RMQ_DIST_PORT=${VELERO_RABBITMQ_DIST_PORT:-25673}
      EPMD_PORT=${VELERO_EPMD_PORT:-4370}
      RMQ_MGMT_PORT=${VELERO_RABBITMQ_MGMT_PORT:-0}        # 0 = plugin off
      PG_PORT=${VELERO_POSTGRES_PORT:-55433}
      CEPH_MON_PORT=${VELERO_CEPH_MON_PORT:-6790}
      RGW_PORT=${VELERO_RGW_PORT:-7481}
      CEPH_MS_PORT_MIN=${VELERO_CEPH_MS_PORT_MIN:-6900}
      CEPH_MS_PORT_MAX=${VELERO_CEPH_MS_PORT_MAX:-6999}
      AZURITE_PORT=${VELERO_AZURITE_PORT:-10000}           # Azure Blob emulator: test only
      ;;
    *) die "unknown profile '$1' (expected dev or test)" ;;
  esac
  RMQ_NODENAME=${VELERO_RABBITMQ_NODENAME:-velero-$1@localhost}
  PROFILE=$1
}

CONF_VARS=(PROFILE RMQ_PORT RMQ_DIST_PORT EPMD_PORT RMQ_MGMT_PORT RMQ_NODENAME PG_PORT CEPH_MON_PORT RGW_PORT
  CEPH_MS_PORT_MIN CEPH_MS_PORT_MAX AZURITE_PORT)

# Azurite (test profile): the npm package's cache and the emulator's well-known development account
# (public, documented by Microsoft; not a secret).
AZURITE_VERSION=3.37.0
AZURITE_HOME=${VELERO_AZURITE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/velero-services/azurite-$AZURITE_VERSION}
AZURITE_ACCOUNT=devstoreaccount1
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

# The components a profile runs: Azurite only for tests (the Azure provider's integration tests).
profile_components() {
  if (( ${AZURITE_PORT:-0} )); then printf '%s\n' rabbitmq postgres ceph azurite; else printf '%s\n' rabbitmq postgres ceph; fi
}

# True if any process recorded under STATE is still alive and ours.
state_has_live_pids() {
  local f comp saved=${COMPONENT:-}
  for f in "$STATE"/*/pids/*.pid; do
    [[ -e $f ]] || continue
    comp=${f#"$STATE"/}; COMPONENT=${comp%%/*}
    if pidfile_pid "$f" >/dev/null; then COMPONENT=$saved; return 0; fi
  done
  COMPONENT=$saved
  return 1
}

# Resolve STATE to an absolute path and load or create DIR/infra.conf.
#   init_state DIR PROFILE MODE
# MODE=start: create DIR; with PROFILE, (re)write the conf unless a live instance already uses it.
# MODE=existing: only read the conf; return 1 if there is none (nothing was ever started there).
init_state() {
  local dir=$1 profile=$2 mode=$3 conf var
  [[ -n $dir ]] || die "--state DIR is required"
  if [[ $mode == start ]]; then mkdir -p "$dir"; fi
  [[ -d $dir ]] || return 1
  STATE=$(cd "$dir" && pwd -P)
  conf=$STATE/infra.conf
  if [[ -n $profile ]]; then
    if [[ -s $conf ]] && state_has_live_pids; then
      # Keep the ports the running instance really uses (env overrides may have changed since).
      # shellcheck source=/dev/null
      . "$conf"
      [[ $PROFILE == "$profile" ]] ||
        die "$STATE already runs profile '$PROFILE'; stop it first (down.sh --state $STATE)"
      return 0
    fi
    profile_defaults "$profile"
    if [[ $mode == start ]]; then
      for var in "${CONF_VARS[@]}"; do printf '%s=%q\n' "$var" "${!var}"; done >"$conf.tmp"
      mv "$conf.tmp" "$conf"
    fi
    return 0
  fi
  [[ -s $conf ]] || { [[ $mode == start ]] && die "no $conf yet: pass --profile dev|test"; return 1; }
  # shellcheck source=/dev/null
  . "$conf"
}

# S3 keys of this state dir: created once, reused on every start (Ceph's user is recreated each time,
# because memstore loses everything on stop).
load_s3_credentials() {
  local file=$STATE/s3-credentials
  if [[ ! -s $file ]]; then
    local secret
    secret=$(head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)
    printf 'S3_ACCESS_KEY=%q\nS3_SECRET_KEY=%q\n' "velero-$PROFILE" "$secret" >"$file.tmp"
    chmod 600 "$file.tmp"
    mv "$file.tmp" "$file"
  fi
  # shellcheck source=/dev/null
  . "$file"
}

# ---------------------------------------------------------------- component CLI

# Shared argument parsing for rabbitmq.sh / postgres.sh / ceph.sh:
#   <start|stop|status> --state DIR [--profile dev|test]
component_main() {
  local cmd=${1:-} dir='' profile=''
  [[ $# -gt 0 ]] && shift
  while [[ $# -gt 0 ]]; do
    case $1 in
      --state) dir=${2:?--state needs a value}; shift 2 ;;
      --state=*) dir=${1#*=}; shift ;;
      --profile) profile=${2:?--profile needs a value}; shift 2 ;;
      --profile=*) profile=${1#*=}; shift ;;
      -h|--help) printf 'usage: %s start|stop|status --state DIR [--profile dev|test]\n' "$0"; exit 0 ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  case $cmd in
    start)
      init_state "$dir" "$profile" start
      component_start ;;
    stop)
      if init_state "$dir" "$profile" existing; then component_stop; else say "nothing to stop"; fi ;;
    status)
      if init_state "$dir" "$profile" existing; then component_status; else say "not running"; return 1; fi ;;
    *) die "usage: $0 start|stop|status --state DIR [--profile dev|test]" ;;
  esac
}

# ---------------------------------------------------------------- scripts/dev

# For the scripts/dev/*.sh commands: `ACTION [--state DIR]` (DIR defaults to the repository's .local).
# Sets ACTION and STATE.
parse_action_and_state() {
  ACTION=${1:-}
  (( $# )) && shift
  STATE=$(cd "$INFRA_DIR/../.." && pwd)/.local
  while (( $# )); do
    case $1 in
      --state) STATE=$(realpath -m "$2"); shift 2 ;;
      *) die "unknown argument: $1" ;;
    esac
  done
}
