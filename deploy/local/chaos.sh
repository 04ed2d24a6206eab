#!/usr/bin/env bash
# Fault-injection run against the running local stack (start it first with deploy/local/up.sh --detach).
#   deploy/local/chaos.sh [--total 20000] [--rate 300] [--gap 25] [--broker-down 20]
# While the tickets are offered (operators retry a failed POST with the same Idempotency-Key): kill -9 and
# restart each service once, restart the Kafka broker, restart Redis with its data lost, stop the SMSC for
# 30 s -- one fault every --gap seconds. With three brokers (up.sh --kafka-brokers 3) the Kafka fault is kill -9
# of broker 2, started again after --broker-down seconds, and comes first, while the tickets are still offered. Then waits until the suite has settled and prints the table: tickets
# accepted vs stored, one active dispatch per ticket, SLA timers, firings once, SMS per dedup key. Exit 1 on
# any loss or duplicate.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

TOTAL=20000
RATE=300
GAP=25
BROKER_DOWN=20
while [ $# -gt 0 ]; do
  case "$1" in
    --total) TOTAL=${2:?}; shift ;;
    --rate) RATE=${2:?}; shift ;;
    --gap) GAP=${2:?}; shift ;;
    --broker-down) BROKER_DOWN=${2:?}; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

brokers=()
for node in $(seq 1 "$KAFKA_BROKERS"); do brokers+=("$(kafka_name "$node")"); done
for name in "${brokers[@]}" smsc "${SERVICES[@]}"; do
  alive "$name" || { echo "$name is not running: start the stack with deploy/local/up.sh --detach first" >&2; exit 1; }
done

RUN_ID="chaos-$(date +%Y%m%d%H%M%S)"
WORK="$DATA/chaos/$RUN_ID"
mkdir -p "$WORK"
START=$(date +%s)
say() { printf '[t+%3ds] %s\n' "$(( $(date +%s) - START ))" "$*"; }
FAULTS_FAILED=0

intakes="http://127.0.0.1:$INTAKE_PORT"
for replica in $(seq 2 9); do
  alive "$(replica_name intake-service "$replica")" && intakes="$intakes,http://127.0.0.1:$(replica_port intake-service "$replica")"
done

# kill_and_restart SERVICE: kill -9 of its first instance, then the same start as up.sh's; waits until ready.
kill_and_restart() {
  local service=$1 pid killed
  pid=$(cat "$RUN/$service.pid")
  [ "$service" = notify-service ] && date +%s%3N >>"$WORK/notify-kills"
  killed=$(date +%s)
  kill -KILL "$pid"
  while alive "$service"; do sleep 0.2; done
  say "killed $service (kill -9, pid $pid); restarting"
  mv "$LOGS/$service.log" "$LOGS/$service.log.killed-$RUN_ID" 2>/dev/null || true
  start_service "$service" 1
  if wait_ready "$service" "http://127.0.0.1:$(replica_port "$service" 1)" 180; then
    say "$service is ready again, $(( $(date +%s) - killed )) s after the kill"
  else
    say "FAULT STEP FAILED: $service did not become ready (see $LOGS/$service.log)"
    FAULTS_FAILED=1
  fi
}

restart_kafka() {
  local stopped
  say "restarting the Kafka broker"
  stopped=$(date +%s)
  stop_one kafka >/dev/null
  if start_kafka; then
    say "Kafka is back, $(( $(date +%s) - stopped )) s after the stop"
  else
    say "FAULT STEP FAILED: Kafka did not come back"
    FAULTS_FAILED=1
  fi
}

# kill_broker NODE: kill -9 of one of three brokers -- not node 1, the first address of every client's bootstrap
# list --, down for --broker-down seconds, then started again; reports when it listens and when every replica of
# the suite's partitions (and the consumer offsets) is back in sync.
kill_broker() {
  local node=$1 name pid role killed restarted
  name=$(kafka_name "$node")
  role=$(java -cp "$STACK_CP" cn.hotline.stack.bench.Chaos broker-role --bootstrap "$(kafka_bootstrap)" --node "$node" 2>/dev/null) \
    || role="role unknown: the cluster did not answer"
  pid=$(cat "$RUN/$name.pid")
  killed=$(date +%s)
  kill -KILL "$pid"
  while alive "$name"; do sleep 0.2; done
  say "killed Kafka broker $node (kill -9, pid $pid): $role; starting it again in $BROKER_DOWN s"
  sleep "$BROKER_DOWN"
  mv "$LOGS/$name.log" "$LOGS/$name.log.killed-$RUN_ID" 2>/dev/null || true
  restarted=$(date +%s)
  if ! start_kafka "$node"; then
    say "FAULT STEP FAILED: Kafka broker $node did not come back (see $LOGS/$name.log)"
    FAULTS_FAILED=1
    return
  fi
  say "Kafka broker $node is back (listening), $(( $(date +%s) - restarted )) s after its start, $(( $(date +%s) - killed )) s after the kill"
  if java -cp "$STACK_CP" cn.hotline.stack.bench.Chaos in-sync --bootstrap "$(kafka_bootstrap)" --replicas "$KAFKA_BROKERS" \
      --timeout-seconds 300; then
    say "Kafka broker $node is in sync (every partition has $KAFKA_BROKERS in-sync replicas), $(( $(date +%s) - restarted )) s after its start"
  else
    say "FAULT STEP FAILED: Kafka broker $node did not catch up"
    FAULTS_FAILED=1
  fi
}

lose_redis() {
  if alive redis; then
    say "Redis (ours, embedded): kill -9, data removed, restart"
    kill -KILL "$(cat "$RUN/redis.pid")"
    while alive redis; do sleep 0.2; done
    rm -f "$DATA/redis/"*.rdb "$DATA/redis/"*.aof
    launch redis "$LOGS/redis.log" java -Dhotline.stack=redis -Xmx64m -cp "$STACK_CP" cn.hotline.stack.Stack redis "$REDIS_PORT" "$DATA/redis"
    wait_port redis 127.0.0.1 "$REDIS_PORT" 60 || { say "FAULT STEP FAILED: Redis did not come back"; FAULTS_FAILED=1; }
  else
    # A Redis this stack did not start is not ours to restart: do to the services what a restart without data
    # does -- their connections drop and their databases come back empty.
    say "Redis (shared, not ours to restart): dropping the services' connections and emptying their databases"
    java -cp "$STACK_CP" cn.hotline.stack.bench.Chaos redis-loss --host "$REDIS_HOST" --port "$REDIS_PORT" \
      --dbs "$(IFS=,; echo "${REDIS_DB[*]}")" || { say "FAULT STEP FAILED: Redis data loss"; FAULTS_FAILED=1; }
  fi
}

stop_smsc() {
  say "SMSC: SMPP stopped for 30 s"
  curl -fsS -X POST "http://127.0.0.1:$SMSC_HTTP_PORT/smpp/stop" >/dev/null || { FAULTS_FAILED=1; return; }
  sleep 30
  curl -fsS -X POST "http://127.0.0.1:$SMSC_HTTP_PORT/smpp/start" >/dev/null || { FAULTS_FAILED=1; return; }
  say "SMSC: SMPP started again"
}

say "run $RUN_ID: $TOTAL tickets at $RATE/s to $intakes; work files in $WORK"
# The load's exit status goes to a file: bash may forget a background job that ended long before `wait`.
( java -Xmx1g ${LOAD_JAVA_OPTS[@]+"${LOAD_JAVA_OPTS[@]}"} -cp "$STACK_CP" cn.hotline.stack.bench.Chaos load --intake "$intakes" --token "$("$HERE/token.sh" operator)" \
    --run "$RUN_ID" --total "$TOTAL" --rate "$RATE" --out "$WORK/accepted.txt"; echo $? >"$WORK/load.rc" ) &

faults=("kill_and_restart intake-service" "kill_and_restart routing-service" "kill_and_restart sla-service"
        "kill_and_restart notify-service" restart_kafka lose_redis stop_smsc)
# The services' restarts take a minute each under load: a broker lost in fifth place would only meet a settled suite.
if [ "$KAFKA_BROKERS" = 3 ]; then
  faults=("kill_broker 2" "${faults[@]:0:4}" lose_redis stop_smsc)
fi
for fault in "${faults[@]}"; do
  sleep "$GAP"
  $fault
done

while [ ! -f "$WORK/load.rc" ]; do sleep 1; done
LOAD_OK=true
[ "$(cat "$WORK/load.rc")" = 0 ] || LOAD_OK=false
say "load finished (every ticket accepted: $LOAD_OK); waiting for the suite to settle, then checking"
touch "$WORK/notify-kills"
CHECK_OK=true
java -Xmx2g -cp "$STACK_CP" cn.hotline.stack.bench.Chaos check --pg "$PG_HOST:$PG_PORT" --db-prefix "$DB_PREFIX" \
  --bootstrap "$(kafka_bootstrap)" --smsc "http://127.0.0.1:$SMSC_HTTP_PORT" --total "$TOTAL" \
  --accepted "$WORK/accepted.txt" --notify-kills "$WORK/notify-kills" || CHECK_OK=false
say "faults: $([ $FAULTS_FAILED = 0 ] && echo 'all injected' || echo 'a step FAILED')"
$LOAD_OK && $CHECK_OK && [ $FAULTS_FAILED = 0 ]
