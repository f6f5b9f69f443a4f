#!/usr/bin/env bash
# One RabbitMQ node (plus its own epmd) for one state dir, loopback only.
#   rabbitmq.sh start|stop|status --state DIR [--profile dev|test]
# Recipe and traps: /work/shared/docs/local-infrastructure.md §2.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
COMPONENT=rabbitmq
START_TIMEOUT=${VELERO_RABBITMQ_START_TIMEOUT:-120}

paths() {
  R=$STATE/rabbitmq
  PIDS=$R/pids
  LOGS=$R/log
}

# Environment shared by the server and every CLI call; use only in a subshell, so the caller keeps its
# own HOME. The CLI must see exactly the server's HOME (cookie), node name and epmd port.
rmq_env() {
  export HOME=$R
  export RABBITMQ_NODENAME=$RMQ_NODENAME
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$RMQ_PORT
  export RABBITMQ_DIST_PORT=$RMQ_DIST_PORT
  # Doc §2 trap: epmd binds all interfaces unless told otherwise; our own epmd runs on a per-profile
  # port, and server + CLI must both be pointed at it.
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT=$EPMD_PORT
  # Doc §2 trap: the distribution port binds 0.0.0.0 without inet_dist_use_interface. Same for the
  # short-lived distribution listener of each CLI call.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
  export RABBITMQ_CTL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
  export RABBITMQ_CONFIG_FILE=$R/rabbitmq.conf
  export RABBITMQ_ENABLED_PLUGINS_FILE=$R/enabled_plugins
  export RABBITMQ_MNESIA_BASE=$R/mnesia
  export RABBITMQ_LOG_BASE=$LOGS
  export RABBITMQ_PID_FILE=$R/rabbit.pid
  export ERL_CRASH_DUMP=$LOGS/erl_crash.dump
  export PATH=$RABBIT_BIN:/usr/lib/erlang/bin:$PATH
}

rmqctl() { ( rmq_env; "$RABBIT_BIN/rabbitmqctl" "$@" ); }

all_alive() {
  local f
  for f in epmd launcher beam; do pidfile_pid "$PIDS/$f.pid" >/dev/null || return 1; done
}

# Readiness: `await_startup`, never `ping` (doc §2: ping answers ~2.5 s before the rabbit app runs).
# Returns 2 when the launcher died, so wait_ready stops at once instead of waiting for the timeout.
check_ready() {
  pidfile_pid "$PIDS/launcher.pid" >/dev/null || return 2
  rmqctl -q await_startup --timeout 10 >/dev/null 2>&1
}

epmd_up() {
  pidfile_pid "$PIDS/epmd.pid" >/dev/null || return 2
  epmd -port "$EPMD_PORT" -names >/dev/null 2>&1
}

component_status() {
  paths
  if all_alive && rmqctl -q await_startup --timeout 5 >/dev/null 2>&1; then
    say "running on 127.0.0.1:$RMQ_PORT (node $RMQ_NODENAME, epmd $EPMD_PORT)"
    return 0
  fi
  say "not running"
  return 1
}

component_stop() {
  paths
  [[ -d $PIDS ]] || { say "was not running"; return 0; }
  # TERM to the launcher: it traps the signal, runs `rabbitmqctl stop` and waits (doc §2). The beam PID
  # is signalled too only if the launcher is already gone (SIGTERM makes beam shut down cleanly).
  if pidfile_pid "$PIDS/launcher.pid" >/dev/null; then
    local beam
    beam=$(pidfile_pid "$PIDS/beam.pid") || beam=''
    stop_pidfiles TERM "$PIDS/launcher.pid"
    if [[ -n $beam ]] && ! wait_pids_gone "$STOP_TIMEOUT" "$beam"; then
      warn "rabbitmq: beam $beam outlived its launcher, sending KILL"
      kill -KILL "$beam" 2>/dev/null || true
    fi
    rm -f "$PIDS/beam.pid"
  else
    stop_pidfiles TERM "$PIDS/beam.pid" "$PIDS/launcher.pid"
  fi
  # epmd last: the node unregisters from it while shutting down.
  stop_pidfiles TERM "$PIDS/epmd.pid"
  report_stopped
}

start_failed() {
  say "FAILED to start ($1)"
  show_log_tail "$LOGS/server.out"
  local f
  for f in "$LOGS"/*.log; do [[ -e $f ]] && show_log_tail "$f"; done
  component_stop >/dev/null 2>&1 || true
  exit 1
}

component_start() {
  paths
  local t0 rc=0
  t0=$(now_us)
  if all_alive && rmqctl -q await_startup --timeout 5 >/dev/null 2>&1; then
    say "already running on 127.0.0.1:$RMQ_PORT"
    return 0
  fi
  # Anything left from a crashed/partial run: stop what is still ours, drop stale PID files.
  component_stop >/dev/null
  require_port_free "$RMQ_PORT" AMQP
  require_port_free "$RMQ_DIST_PORT" "Erlang distribution"
  require_port_free "$EPMD_PORT" epmd
  if (( RMQ_MGMT_PORT )); then require_port_free "$RMQ_MGMT_PORT" management; fi

  # mnesia is kept across restarts (node name is fixed per state dir, so that works).
  mkdir -p "$R/mnesia" "$LOGS" "$PIDS"
  {
    printf 'listeners.tcp.1 = 127.0.0.1:%s\n' "$RMQ_PORT"
    printf 'loopback_users.guest = true\n'
    if (( RMQ_MGMT_PORT )); then
      # Doc §2: without management.tcp.ip the management listener binds 0.0.0.0.
      printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$RMQ_MGMT_PORT"
    fi
  } >"$R/rabbitmq.conf"
  # Writing the file is what `rabbitmq-plugins --offline enable` does; plugin deps are resolved at boot.
  if (( RMQ_MGMT_PORT )); then echo '[rabbitmq_management].' >"$R/enabled_plugins"
  else echo '[].' >"$R/enabled_plugins"; fi
  # Create the cookie ourselves: if a CLI poll ran before the server wrote it, both would race to
  # create $HOME/.erlang.cookie with different contents.
  if [[ ! -s $R/.erlang.cookie ]]; then
    (umask 077; head -c 64 /dev/urandom | tr -dc '[:upper:]' | head -c 20 >"$R/.erlang.cookie")
  fi
  chmod 400 "$R/.erlang.cookie"
  rm -f "$R/rabbit.pid"

  # Doc §2 trap: the first Erlang program to find no epmd starts one on 0.0.0.0:4369 (and we would not
  # know its PID). Start ours first, on loopback and on the profile's port, and wait until it answers.
  ( rmq_env; start_daemon "$PIDS/epmd.pid" "$LOGS/epmd.log" epmd -address 127.0.0.1 -port "$EPMD_PORT" ) ||
    start_failed "could not launch epmd"
  wait_ready 10 0.05 epmd_up || start_failed "epmd did not come up on 127.0.0.1:$EPMD_PORT"

  # The launcher runs in the foreground; its PID is what we signal on stop (doc §2 "Starting it").
  ( rmq_env; start_daemon "$PIDS/launcher.pid" "$LOGS/server.out" "$RABBIT_BIN/rabbitmq-server" ) ||
    start_failed "could not launch rabbitmq-server"
  wait_ready "$START_TIMEOUT" 0.5 check_ready || rc=$?
  case $rc in
    0) ;;
    2) start_failed "rabbitmq-server exited" ;;
    *) start_failed "not ready after ${START_TIMEOUT}s" ;;
  esac
  # The beam PID (written by the server) lets stop/status see a node whose launcher died.
  local beam
  read -r beam <"$R/rabbit.pid" || true
  pid_alive "${beam:-}" || start_failed "no beam PID in $R/rabbit.pid"
  printf '%s\n' "$beam" >"$PIDS/beam.pid"
  printf 'rabbitmq ready on 127.0.0.1:%s in %s\n' "$RMQ_PORT" "$(since "$t0")"
  if (( RMQ_MGMT_PORT )); then say "management UI on http://127.0.0.1:$RMQ_MGMT_PORT/ (guest/guest)"; fi
}

component_main "$@"
