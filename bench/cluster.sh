#!/usr/bin/env bash
# Several instances on this machine: bash bench/cluster.sh up | down | status
#   up     a database of its own on the local PostgreSQL (5432, the primary), a streaming replica made with
#          pg_basebackup (cluster 15/replica on 5442) when the primary allows replication from 127.0.0.1, a
#          redis-server of its own (16381, nothing on disk), two service instances (8191, 8192) sharing both, and
#          HAProxy (Debian's package) in front on 8190, balancing round robin on /q/health/ready.
#   down   stops and removes all of it (the replica cluster is dropped; the primary and its database are left).
# With the replica, both instances get it as tradeflows.replicas (anonymous and readers' reads go to it).
# Needs root for the replica (pg_createcluster, pg_basebackup as postgres). State and logs in target/cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(pwd)/target/cluster"
DB="${CLUSTER_DB:-tradeflows_cluster}"
LB_PORT="${CLUSTER_LB_PORT:-8190}"
PORTS=("${CLUSTER_PORT_A:-8191}" "${CLUSTER_PORT_B:-8192}")
REDIS_PORT="${CLUSTER_REDIS_PORT:-16381}"
REPLICA_PORT="${CLUSTER_REPLICA_PORT:-5442}"
REPLICA=replica
mkdir -p "$WORK"

replication_allowed() {
  psql "host=127.0.0.1 port=5432 user=postgres replication=true dbname=postgres" -Atc "IDENTIFY_SYSTEM" >/dev/null 2>&1
}

up_replica() {
  if pg_lsclusters -h | awk '{print $2}' | grep -qx "$REPLICA"; then
    echo "replica: cluster 15/$REPLICA exists already"
    return
  fi
  if ! replication_allowed; then
    cat >&2 <<MSG
replica: skipped — the primary refuses replication connections from 127.0.0.1. To allow them, add to
  $(psql -h 127.0.0.1 -U postgres -Atc 'show hba_file')
the line
  host replication all 127.0.0.1/32 trust
and reload (select pg_reload_conf()); wal_level is $(psql -h 127.0.0.1 -U postgres -Atc 'show wal_level'), max_wal_senders $(psql -h 127.0.0.1 -U postgres -Atc 'show max_wal_senders').
MSG
    return
  fi
  pg_createcluster 15 "$REPLICA" -p "$REPLICA_PORT" >/dev/null
  local data=/var/lib/postgresql/15/$REPLICA
  rm -rf "$data"
  runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D "$data" -R -X stream -c fast
  pg_ctlcluster 15 "$REPLICA" start
  for _ in $(seq 1 60); do
    [ "$(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -Atc 'select pg_is_in_recovery()' 2>/dev/null)" = t ] && break
    sleep 1
  done
  echo "replica: streaming from 5432 on $REPLICA_PORT (pg_is_in_recovery = t)"
}

start_instance() { # port
  local port=$1
  local replicas=""
  if pg_lsclusters -h | awk '{print $2}' | grep -qx "$REPLICA"; then
    replicas="-Dtradeflows.replicas=jdbc:postgresql://127.0.0.1:$REPLICA_PORT/$DB"
  fi
  java -Xmx384m -Dquarkus.http.port="$port" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$DB" \
    -Dtradeflows.redis.url="redis://127.0.0.1:$REDIS_PORT" $replicas -jar target/quarkus-app/quarkus-run.jar \
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
  if pg_lsclusters -h | awk '{print $2}' | grep -qx "$REPLICA"; then
    pg_dropcluster --stop 15 "$REPLICA"
    echo "replica: dropped"
  fi
  echo "down"
}

status() {
  echo "load balancer: http://127.0.0.1:$LB_PORT/  (HAProxy, round robin)"
  for port in "${PORTS[@]}"; do
    echo "instance $port: $(curl -s "http://127.0.0.1:$port/q/health" | grep -o '"name":"\(redis\|replicas\)"[^}]*}' | tr '\n' ' ' || echo down)"
  done
  echo "redis $REDIS_PORT: $(redis-cli -p "$REDIS_PORT" ping 2>&1)"
  if pg_lsclusters -h | awk '{print $2}' | grep -qx "$REPLICA"; then
    echo "replica $REPLICA_PORT: in recovery $(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -Atc 'select pg_is_in_recovery()'), replay lag $(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -Atc 'select coalesce(now() - pg_last_xact_replay_timestamp(), interval '"'"'0'"'"')')"
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
