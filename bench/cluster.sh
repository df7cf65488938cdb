#!/usr/bin/env bash
# Several instances on this machine: bash bench/cluster.sh up | down | status
#   up     a database of its own on the local PostgreSQL (5432, the primary), a streaming replica of it made with
#          pg_basebackup through a replication slot (cluster <version>/replica on 5442), a redis-server of its own
#          (16381, nothing on disk), two service instances (8191, 8192) sharing all three, and HAProxy (Debian's
#          package) in front on 8190, balancing round robin on /q/health/ready.
#   status what runs, each instance's redis and replicas checks, and the replica's lag (as the primary and the
#          replica each see it).
#   down   stops and removes all of it: HAProxy, the instances, Redis, the replica cluster, its replication slot, and
#          the replication lines `up` added to the primary's pg_hba.conf. The primary and the database are left.
# Replication: a streaming replica needs the primary to accept replication connections, which pg_hba.conf's `all`
# database keyword does not cover. When it refuses them, `up` appends `local replication all <method>` and `host
# replication all 127.0.0.1/32 <method>` (the methods of the file's own `local all all` / `host all all 127.0.0.1/32`
# lines, so replication is open to exactly who may connect already), reloads PostgreSQL, says so, and `down` removes
# them. That takes write access to the file (root, or the postgres user); without it the script says which lines to
# add and goes on without a replica. CLUSTER_JAVA_OPTS is passed to both instances (bench/cluster-speed.sh uses it).
# Needs root for the replica (pg_createcluster, pg_basebackup as postgres). State and logs in target/cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(pwd)/target/cluster"
DB="${CLUSTER_DB:-tradeflows_cluster}"
LB_PORT="${CLUSTER_LB_PORT:-8190}"
PORTS=("${CLUSTER_PORT_A:-8191}" "${CLUSTER_PORT_B:-8192}")
REDIS_PORT="${CLUSTER_REDIS_PORT:-16381}"
REPLICA_PORT="${CLUSTER_REPLICA_PORT:-5442}"
JAVA_OPTS="${CLUSTER_JAVA_OPTS:-}"
REPLICA=replica
SLOT=tradeflows_cluster_replica
HBA_BEGIN="# BEGIN tradeflows bench/cluster.sh: replication for its streaming replica (removed by 'cluster.sh down')"
HBA_END="# END tradeflows bench/cluster.sh"
mkdir -p "$WORK"

primary() { # sql
  psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -Atc "$1"
}

pg_version() {
  echo $(( $(primary 'show server_version_num') / 10000 ))
}

replica_exists() {
  pg_lsclusters -h | awk -v v="$(pg_version)" -v n="$REPLICA" '$1 == v && $2 == n { found = 1 } END { exit !found }'
}

replication_allowed() {
  psql "host=127.0.0.1 port=5432 user=postgres replication=true dbname=postgres" -Atc "IDENTIFY_SYSTEM" >/dev/null 2>&1
}

# The method of the first pg_hba.conf line for (type, database 'all', user 'all'[, address]); empty if none.
hba_method() { # file type [address]
  awk -v t="$2" -v a="${3:-}" '
    $1 == t && $2 == "all" && $3 == "all" {
      if (t == "local") { print $4; exit }
      if ($4 == a) { print $5; exit }
    }' "$1"
}

# Makes the primary accept replication connections from this machine, if it does not and the file may be written.
allow_replication() {
  replication_allowed && return 0
  local hba wal_level local_method host_method
  hba=$(primary 'show hba_file')
  wal_level=$(primary 'show wal_level')
  if [ "$wal_level" = minimal ]; then
    echo "replica: skipped — the primary's wal_level is minimal; a streaming replica needs replica or logical" >&2
    return 1
  fi
  local_method=$(hba_method "$hba" local)
  host_method=$(hba_method "$hba" host 127.0.0.1/32)
  if [ ! -w "$hba" ] || [ -z "$local_method" ] || [ -z "$host_method" ]; then
    cat >&2 <<MSG
replica: skipped — the primary refuses replication connections from 127.0.0.1 (pg_hba.conf's 'all' database does not
cover replication), and $hba is not writable here or has no 'local all all' / 'host all all 127.0.0.1/32' line to
copy the method from. To allow them, add
  host replication all 127.0.0.1/32 <method>
and reload (select pg_reload_conf()).
MSG
    return 1
  fi
  [ -z "$(tail -c 1 "$hba")" ] || echo >> "$hba" # a last line without its newline would run into ours
  printf '%s\nlocal   replication all                 %s\nhost    replication all 127.0.0.1/32    %s\n%s\n' \
    "$HBA_BEGIN" "$local_method" "$host_method" "$HBA_END" >> "$hba"
  primary 'select pg_reload_conf()' > /dev/null
  echo "replica: the primary refused replication connections; added to $hba"
  echo "           local   replication all                 $local_method"
  echo "           host    replication all 127.0.0.1/32    $host_method"
  echo "         (the methods of its own 'all' lines) and reloaded PostgreSQL; 'cluster.sh down' removes them"
  for _ in $(seq 1 20); do # the reload is asynchronous
    replication_allowed && return 0
    sleep 0.5
  done
  echo "replica: skipped — the primary still refuses replication connections after the reload" >&2
  return 1
}

remove_replication_lines() {
  local hba
  hba=$(primary 'show hba_file')
  if grep -qxF "$HBA_BEGIN" "$hba" 2>/dev/null; then
    sed -i "/^# BEGIN tradeflows bench\/cluster.sh/,/^# END tradeflows bench\/cluster.sh$/d" "$hba"
    primary 'select pg_reload_conf()' > /dev/null
    echo "replication lines removed from $hba (PostgreSQL reloaded)"
  fi
}

up_replica() {
  if replica_exists; then
    echo "replica: cluster $(pg_version)/$REPLICA exists already"
    return
  fi
  allow_replication || return 0
  local v data conf
  v=$(pg_version)
  data=/var/lib/postgresql/$v/$REPLICA
  conf=/etc/postgresql/$v/$REPLICA
  # the slot keeps on the primary the WAL the replica has not received yet (a stopped replica catches up); down drops it
  primary "select pg_create_physical_replication_slot('$SLOT', true) where not exists
             (select 1 from pg_replication_slots where slot_name = '$SLOT')" > /dev/null
  pg_createcluster "$v" "$REPLICA" -p "$REPLICA_PORT" --start-conf=manual >/dev/null
  # a hot standby needs these at least as high as on the primary; it accepts whom the primary accepts
  for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
    pg_conftool "$v" "$REPLICA" set "$setting" "$(primary "show $setting")"
  done
  cp "$(primary 'show hba_file')" "$conf/pg_hba.conf"
  find "$data" -mindepth 1 -delete
  runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D "$data" -R -S "$SLOT" -X stream -c fast
  pg_ctlcluster --skip-systemctl-redirect "$v" "$REPLICA" start
  for _ in $(seq 1 60); do
    [ "$(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atc 'select pg_is_in_recovery()' 2>/dev/null)" = t ] && break
    sleep 1
  done
  echo "replica: streaming from 5432 on $REPLICA_PORT through slot $SLOT (pg_is_in_recovery = t)"
}

start_instance() { # port
  local port=$1
  local replicas=""
  if replica_exists; then
    replicas="-Dtradeflows.replicas=jdbc:postgresql://127.0.0.1:$REPLICA_PORT/$DB"
  fi
  # shellcheck disable=SC2086 # JAVA_OPTS and replicas are lists of options
  java -Xmx384m -Dquarkus.http.port="$port" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$DB" \
    -Dtradeflows.redis.url="redis://127.0.0.1:$REDIS_PORT" $replicas $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar \
    > "$WORK/instance-$port.log" 2>&1 &
  echo $! > "$WORK/instance-$port.pid"
}

wait_ready() { # port
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$1/q/health/ready" > /dev/null && return 0
    kill -0 "$(cat "$WORK/instance-$1.pid")" 2>/dev/null || break
    sleep 1
  done
  echo "the instance on $1 did not become ready; see $WORK/instance-$1.log" >&2
  exit 1
}

up() {
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -o -q package -DskipTests
  createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
  up_replica # streams the migrations and the open dataset the first instance loads
  # one at a time: the first start migrates the database and loads the open dataset
  start_instance "${PORTS[0]}"; wait_ready "${PORTS[0]}"
  start_instance "${PORTS[1]}"; wait_ready "${PORTS[1]}"
  cat > "$WORK/haproxy.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    option http-keep-alive
frontend tradeflows
    bind 127.0.0.1:$LB_PORT
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /q/health/ready
    http-check expect status 200
    server a 127.0.0.1:${PORTS[0]} check inter 2s
    server b 127.0.0.1:${PORTS[1]} check inter 2s
CFG
  haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
  for _ in $(seq 1 30); do
    curl -sf "http://127.0.0.1:$LB_PORT/q/health/ready" > /dev/null && break
    sleep 1
  done
  status
}

stop_pidfile() { # file
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  rm -f "$1"
}

down() {
  stop_pidfile "$WORK/haproxy.pid"
  for port in "${PORTS[@]}"; do stop_pidfile "$WORK/instance-$port.pid"; done
  stop_pidfile "$WORK/redis.pid"
  if replica_exists; then
    pg_dropcluster --stop "$(pg_version)" "$REPLICA"
    echo "replica: cluster dropped"
  fi
  # the slot can be dropped once its walsender has gone (a moment after the replica stopped)
  for _ in $(seq 1 30); do
    [ "$(primary "select count(*) from pg_replication_slots where slot_name = '$SLOT' and active")" = 0 ] && break
    sleep 1
  done
  if [ "$(primary "select count(*) from pg_replication_slots where slot_name = '$SLOT'")" != 0 ]; then
    primary "select pg_drop_replication_slot('$SLOT')" > /dev/null
    echo "replication slot $SLOT dropped"
  fi
  remove_replication_lines
  echo "down"
}

# An instance's redis and replicas checks from /q/health, one line.
instance_checks() { # port
  curl -s "http://127.0.0.1:$1/q/health" | python3 -c '
import json, sys
checks = {c["name"]: c for c in json.load(sys.stdin)["checks"]}
out = [checks["redis"]["data"]["state"] if "redis" in checks else "no redis check"]
data = checks.get("replicas", {}).get("data", {})
out += [f"{k} {v}" for k, v in data.items() if k.startswith("replica-")]
print("redis " + out[0] + "; " + ("; ".join(out[1:]) or "no replicas"))' 2>/dev/null || echo "down"
}

status() {
  echo "load balancer: http://127.0.0.1:$LB_PORT/  (HAProxy, round robin; $( [ -f "$WORK/haproxy.pid" ] && kill -0 "$(cat "$WORK/haproxy.pid")" 2>/dev/null && echo running || echo down))"
  for port in "${PORTS[@]}"; do
    echo "instance $port: $(instance_checks "$port")"
  done
  echo "redis $REDIS_PORT: $(redis-cli -p "$REDIS_PORT" ping 2>&1)"
  if replica_exists; then
    echo "replica $REPLICA_PORT: in recovery $(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atc 'select pg_is_in_recovery()' 2>&1),"\
      "replay lag as it sees it $(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atc "select case when
         pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then '0 (all received is replayed)'
         else (now() - pg_last_xact_replay_timestamp())::text end" 2>&1)"
    echo "primary's view: $(primary "select coalesce(string_agg(format('slot %s active %s, replay %s bytes behind (replay_lag %s)',
         s.slot_name, s.active, coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn)::text, '?'),
         coalesce(r.replay_lag::text, '0')), '; '), 'no slot $SLOT') from pg_replication_slots s
         left join pg_stat_replication r on r.pid = s.active_pid where s.slot_name = '$SLOT'")"
  else
    echo "replica: none"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: bash bench/cluster.sh up | down | status" >&2; exit 2 ;;
esac
