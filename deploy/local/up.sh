#!/usr/bin/env bash
# Brings up the whole suite on this machine without Docker: a real Kafka broker (KRaft) from Maven
# Central artifacts, PostgreSQL and Redis (reused when they answer, else embedded real servers), the SMSC
# simulator, the stand-in 110 receiver and the four services; waits until every service is ready and prints where everything is.
#
#   deploy/local/up.sh [--detach] [--replicas N] [--kafka-brokers 1|3] [--build] [--no-console]
#
# --kafka-brokers 3 runs three KRaft nodes, each broker and controller (topics replicated 3 times, 2 in sync
# required), on 127.0.0.1:9092, :9094, :9096 (HOTLINE_KAFKA_PORT, HOTLINE_KAFKA2_PORT, HOTLINE_KAFKA3_PORT); default one.
# With the services come the web console (:8080) and the identity provider people sign in with (Keycloak, :8180,
# realm hotline, which needs a JDK 21+ beside the default one); --no-console leaves both out.
# Foreground until Ctrl-C (then everything it started is stopped); --detach returns once all are ready
# (stop with deploy/local/down.sh). Addresses: see deploy/local/lib.sh (HOTLINE_* environment variables).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DETACH=false
REPLICAS=1
KAFKA_BROKERS=1
BUILD=false
CONSOLE=true
while [ $# -gt 0 ]; do
  case "$1" in
    --detach) DETACH=true ;;
    --replicas) REPLICAS=${2:?--replicas needs a number}; shift ;;
    --kafka-brokers) KAFKA_BROKERS=${2:?--kafka-brokers needs 1 or 3}; shift ;;
    --build) BUILD=true ;;
    --no-console) CONSOLE=false ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ "$REPLICAS" =~ ^[1-9]$ ]] || { echo "--replicas takes 1..9" >&2; exit 2; }
[[ "$KAFKA_BROKERS" =~ ^[13]$ ]] || { echo "--kafka-brokers takes 1 or 3, was '$KAFKA_BROKERS'" >&2; exit 2; }

command -v java >/dev/null || { echo "java is not on PATH: install JDK 17+" >&2; exit 1; }
mkdir -p "$RUN" "$LOGS"

for name in postgres redis kafka kafka-2 kafka-3 smsc police keycloak issuer web-console "${SERVICES[@]}"; do
  if alive "$name"; then
    echo "the local stack is already running ($name); stop it with deploy/local/down.sh" >&2
    exit 1
  fi
done

# --- Build what is not built.
need_build=$BUILD
for artifact in "$STACK_JAR" "$ROOT/smsc-simulator/target/smsc-simulator-1.0.0-SNAPSHOT.jar" "$POLICE_JAR"; do
  [ -f "$artifact" ] || need_build=true
done
for service in "${SERVICES[@]}"; do
  [ -f "$ROOT/$service/target/quarkus-app/quarkus-run.jar" ] || need_build=true
done
if $CONSOLE; then
  [ -f "$CONSOLE_JAR" ] && [ -n "$KEYCLOAK_HOME" ] || need_build=true
fi
if $need_build; then
  echo "building (./mvnw -DskipTests package) ..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || { echo "the build failed; see the output above" >&2; exit 1; }
  KEYCLOAK_HOME=$(ls -d "$ROOT"/local-stack/target/keycloak-* 2>/dev/null | sort | tail -n 1 || true)
fi
if $CONSOLE && ! java21_home >/dev/null; then
  echo "Keycloak (the console's sign-in) needs JDK 21 or newer beside JDK 17: install one (e.g. apt-get install openjdk-21-jdk-headless), set HOTLINE_KEYCLOAK_JAVA_HOME, or run with --no-console" >&2
  exit 1
fi

# --- Ports this script will bind must be free.
problems=()
# Prints every problem, each with the last lines of the log it names, so a failed start explains itself
# where nobody can open the log afterwards (CI).
report_problems() {
  local problem log
  for problem in "${problems[@]}"; do
    echo "$problem" >&2
    log=$(sed -n 's/.*(see \([^)]*\.log\)).*/\1/p' <<<"$problem")
    [ -n "$log" ] && [ -f "$log" ] && { echo "--- last lines of $log:" >&2; tail -n 40 "$log" >&2; echo "---" >&2; }
  done
  return 0
}
port_free() { # PORT VARIABLE WHAT
  if answers 127.0.0.1 "$1"; then
    problems+=("port $1 ($3) is already taken by another process: free it or set $2 to a free port")
  fi
}
port_free "$KAFKA_PORT" HOTLINE_KAFKA_PORT "Kafka"
port_free "$KAFKA_CONTROLLER_PORT" HOTLINE_KAFKA_CONTROLLER_PORT "Kafka controller"
if [ "$KAFKA_BROKERS" = 3 ]; then
  for node in 2 3; do
    port_free "${KAFKA_PORTS[$node]}" "HOTLINE_KAFKA${node}_PORT" "Kafka broker $node"
    port_free "${KAFKA_CONTROLLER_PORTS[$node]}" "HOTLINE_KAFKA${node}_CONTROLLER_PORT" "Kafka controller $node"
  done
fi
port_free "$SMSC_PORT" HOTLINE_SMSC_PORT "SMSC simulator SMPP"
port_free "$SMSC_HTTP_PORT" HOTLINE_SMSC_HTTP_PORT "SMSC simulator HTTP"
port_free "$POLICE_PORT" HOTLINE_POLICE_PORT "stand-in 110 receiver"
for service in "${SERVICES[@]}"; do
  for replica in $(seq 1 "$REPLICAS"); do
    var="HOTLINE_$(echo "${service%-service}" | tr a-z A-Z)_PORT"
    port_free "$(replica_port "$service" "$replica")" "$var" "$service"
  done
done
if $CONSOLE; then
  port_free "$CONSOLE_PORT" HOTLINE_CONSOLE_PORT "web console"
  port_free "$KEYCLOAK_PORT" HOTLINE_KEYCLOAK_PORT "Keycloak"
else
  port_free "$ISSUER_PORT" HOTLINE_ISSUER_PORT "dev issuer"
fi
if [ ${#problems[@]} -gt 0 ]; then
  report_problems
  exit 1
fi

fail() {
  echo "$1" >&2
  [ -n "${2:-}" ] && [ -f "$2" ] && { echo "--- last lines of $2:" >&2; tail -n 30 "$2" >&2; }
  "$HERE/down.sh" >/dev/null 2>&1 || true
  exit 1
}

# --- PostgreSQL and Redis: reuse, else embedded.
if answers "$PG_HOST" "$PG_PORT"; then
  echo "PostgreSQL: reusing $PG_HOST:$PG_PORT"
elif [ "$PG_HOST" != 127.0.0.1 ] && [ "$PG_HOST" != localhost ]; then
  problems+=("PostgreSQL: nothing answers at $PG_HOST:$PG_PORT and an embedded one can only run on this machine: start it or set HOTLINE_PG_HOST=127.0.0.1")
else
  echo "PostgreSQL: nothing at $PG_HOST:$PG_PORT, starting an embedded server (data in $DATA/postgres)"
  launch postgres "$LOGS/postgres.log" java -Dhotline.stack=postgres -Xmx128m -cp "$STACK_CP" cn.hotline.stack.Stack postgres "$PG_PORT" "$DATA/postgres"
  wait_port postgres 127.0.0.1 "$PG_PORT" 150 || problems+=("PostgreSQL: nothing answers at $PG_HOST:$PG_PORT and the embedded server did not start (see $LOGS/postgres.log): start PostgreSQL there or set HOTLINE_PG_PORT")
fi
if answers "$REDIS_HOST" "$REDIS_PORT"; then
  echo "Redis: reusing $REDIS_HOST:$REDIS_PORT"
elif [ "$REDIS_HOST" != 127.0.0.1 ] && [ "$REDIS_HOST" != localhost ]; then
  problems+=("Redis: nothing answers at $REDIS_HOST:$REDIS_PORT and an embedded one can only run on this machine: start it or set HOTLINE_REDIS_HOST=127.0.0.1")
else
  echo "Redis: nothing at $REDIS_HOST:$REDIS_PORT, starting an embedded server"
  launch redis "$LOGS/redis.log" java -Dhotline.stack=redis -Xmx64m -cp "$STACK_CP" cn.hotline.stack.Stack redis "$REDIS_PORT" "$DATA/redis"
  wait_port redis 127.0.0.1 "$REDIS_PORT" 60 || problems+=("Redis: nothing answers at $REDIS_HOST:$REDIS_PORT and the embedded server did not start (see $LOGS/redis.log): start Redis there or set HOTLINE_REDIS_PORT")
fi

# --- Kafka: real brokers in KRaft mode, each also a controller.
if [ "$KAFKA_BROKERS" = 3 ]; then
  REPLICATION=3
  MIN_INSYNC=2
else
  REPLICATION=1
  MIN_INSYNC=1
fi
voters=""
for node in $(seq 1 "$KAFKA_BROKERS"); do
  voters="$voters${voters:+,}$node@127.0.0.1:${KAFKA_CONTROLLER_PORTS[$node]}"
done
# Storage formatted for another number of brokers holds another controller quorum: the nodes would not agree.
formatted=()
for node in 1 2 3; do
  if [ -f "$(kafka_dir "$node")/meta.properties" ]; then formatted+=("$node"); fi
done
if [ ${#formatted[@]} -gt 0 ] && [ "${formatted[*]}" != "$(seq -s ' ' 1 "$KAFKA_BROKERS")" ]; then
  problems+=("Kafka: the data in $DATA/kafka* is of a cluster of node(s) ${formatted[*]}, not of $KAFKA_BROKERS broker(s): run with --kafka-brokers ${#formatted[@]}, or remove $DATA/kafka* to start empty")
fi
cluster_id=""
for node in $(seq 1 "$KAFKA_BROKERS"); do
  mkdir -p "$(kafka_dir "$node")"
  cat >"$(kafka_config "$node")" <<PROPS
process.roles=broker,controller
node.id=$node
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORTS[$node]},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORTS[$node]}
advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORTS[$node]}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$(kafka_dir "$node")
num.partitions=$KAFKA_PARTITIONS
default.replication.factor=$REPLICATION
min.insync.replicas=$MIN_INSYNC
offsets.topic.replication.factor=$REPLICATION
transaction.state.log.replication.factor=$REPLICATION
transaction.state.log.min.isr=$MIN_INSYNC
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  if [ ${#problems[@]} -eq 0 ] && [ ! -f "$(kafka_dir "$node")/meta.properties" ]; then
    # One cluster id for every node.
    [ -n "$cluster_id" ] || cluster_id=$(java -cp "$STACK_CP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java -cp "$STACK_CP" kafka.tools.StorageTool format -t "$cluster_id" -c "$(kafka_config "$node")" >"$LOGS/$(kafka_name "$node")-format.log" 2>&1 \
      || problems+=("Kafka: formatting $(kafka_dir "$node") failed (see $LOGS/$(kafka_name "$node")-format.log)")
  fi
done
if [ ${#problems[@]} -eq 0 ]; then
  echo "$KAFKA_BROKERS" >"$RUN/kafka-brokers"
  if [ "$KAFKA_BROKERS" = 1 ]; then
    echo "Kafka: starting a KRaft broker on 127.0.0.1:$KAFKA_PORT"
  else
    echo "Kafka: starting $KAFKA_BROKERS KRaft brokers (controller quorum of $KAFKA_BROKERS) on $(kafka_bootstrap)"
  fi
  # All at once: a node of a quorum of three listens only once it has found the others.
  for node in $(seq 1 "$KAFKA_BROKERS"); do
    launch_kafka "$node"
  done
  for node in $(seq 1 "$KAFKA_BROKERS"); do
    wait_port "$(kafka_name "$node")" 127.0.0.1 "${KAFKA_PORTS[$node]}" 90 \
      || problems+=("Kafka: broker $node did not start on 127.0.0.1:${KAFKA_PORTS[$node]} (see $LOGS/$(kafka_name "$node").log)")
  done
fi
if [ ${#problems[@]} -gt 0 ]; then
  report_problems
  "$HERE/down.sh" >/dev/null 2>&1 || true
  exit 1
fi

# --- Topics, databases, the dev JWT key pair.
java -cp "$STACK_CP" cn.hotline.stack.Stack topics "$(kafka_bootstrap)" "$KAFKA_PARTITIONS" "$REPLICATION" "$MIN_INSYNC" \
  || fail "Kafka: could not create the topics" "$LOGS/kafka.log"
java -cp "$STACK_CP" cn.hotline.stack.Stack databases "$PG_HOST" "$PG_PORT" "${DATABASE[@]}" || fail "PostgreSQL: could not create the service databases"
java -cp "$STACK_CP" cn.hotline.stack.Stack keys "$DATA/jwt" || fail "could not create the dev JWT key pair in $DATA/jwt"

# --- Keycloak starts now and boots while the services do (it takes the longest).
if $CONSOLE; then
  echo "Keycloak: starting realm hotline on $KEYCLOAK_URL (first start imports the realm)"
  start_keycloak || fail "Keycloak could not be started" "$LOGS/keycloak.log"
else
  echo "dev issuer (service identities without Keycloak): $DEV_ISSUER_URL"
  start_issuer || fail "the dev issuer did not start" "$LOGS/issuer.log"
fi

# --- SMSC simulator.
if [ -f "$ROOT/smsc-simulator/target/smsc-simulator-1.0.0-SNAPSHOT.jar" ]; then
  echo "SMSC simulator: SMPP 127.0.0.1:$SMSC_PORT, HTTP view 127.0.0.1:$SMSC_HTTP_PORT"
  launch smsc "$LOGS/smsc.log" env SMSC_SMPP_PORT="$SMSC_PORT" SMSC_HTTP_PORT="$SMSC_HTTP_PORT" \
    java -Dhotline.stack=smsc -Xmx128m -cp "$SMSC_CP" cn.hotline.smsc.SmscSimulator
  wait_port smsc 127.0.0.1 "$SMSC_PORT" 60 || fail "SMSC simulator did not start" "$LOGS/smsc.log"
fi

# --- The stand-in 110 receiver (intake hands transferred-out tickets to it).
echo "110 receiver (stand-in): 127.0.0.1:$POLICE_PORT"
start_police || fail "the stand-in 110 receiver did not start" "$LOGS/police-receiver.log"

# --- The services.
declare -A URLS=() INSTANCE=()
for service in "${SERVICES[@]}"; do
  for replica in $(seq 1 "$REPLICAS"); do
    name=$(replica_name "$service" "$replica")
    echo "$name: starting on 127.0.0.1:$(replica_port "$service" "$replica")"
    start_service "$service" "$replica"
    URLS[$name]="http://127.0.0.1:$(replica_port "$service" "$replica")"
    INSTANCE[$name]="$service $replica"
  done
done

if $CONSOLE; then
  echo "web-console: starting on $CONSOLE_URL"
  start_console
  URLS[web-console]="$CONSOLE_URL"
fi

echo "waiting for every service to be ready ..."
for name in "${!URLS[@]}"; do
  wait_ready "$name" "${URLS[$name]}" 180 && continue
  # Temurin 25.0.3 has, rarely, failed to initialise a JVM that was to record its AOT cache ("Error occurred during
  # initialization of VM ... Bad level: 2", seen once in about 20 starts on 2026-12-07): that one start goes again
  # without the cache. Anything else fails as before.
  if [ -n "${INSTANCE[$name]:-}" ] && grep -q "Error occurred during initialization of VM" "$LOGS/$name.log" 2>/dev/null; then
    cp "$LOGS/$name.log" "$LOGS/$name.failed-start.log"
    echo "$name: its JVM failed to initialise (kept in $LOGS/$name.failed-start.log); starting it once more without the AOT cache"
    # shellcheck disable=SC2086 # "service replica"
    HOTLINE_SERVICE_AOT=off start_service ${INSTANCE[$name]}
    wait_ready "$name" "${URLS[$name]}" 180 && continue
  fi
  fail "$name did not become ready (see $LOGS/$name.log)" "$LOGS/$name.log"
done
if $CONSOLE; then
  wait_keycloak 180 || fail "Keycloak did not become ready on $KEYCLOAK_URL" "$LOGS/keycloak.log"
fi

echo
echo "The hotline suite is up."
for name in $(printf '%s\n' "${!URLS[@]}" | sort); do
  [ "$name" = web-console ] && continue
  printf '  %-20s %s   (Swagger UI %s/q/swagger-ui)\n' "$name" "${URLS[$name]}" "${URLS[$name]}"
done
printf '  %-20s %s\n' "Kafka" "$(kafka_bootstrap)"
printf '  %-20s %s:%s   Redis %s:%s\n' "PostgreSQL" "$PG_HOST" "$PG_PORT" "$REDIS_HOST" "$REDIS_PORT"
alive smsc && printf '  %-20s SMPP 127.0.0.1:%s, sent messages at http://127.0.0.1:%s/messages\n' "SMSC simulator" "$SMSC_PORT" "$SMSC_HTTP_PORT"
alive issuer && printf '  %-20s %s   (service identities: the notify-service client)\n' "dev issuer" "$DEV_ISSUER_URL"
alive police && printf '  %-20s http://127.0.0.1:%s/handovers   (what intake handed to 110)\n' "110 receiver" "$POLICE_PORT"
if $CONSOLE; then
  printf '  %-20s %s   (sign in as operator / dispatcher / supervisor / admin / handler, password local-<user>)\n' "web console" "$CONSOLE_URL"
  printf '  %-20s %s   (admin console: admin / local-keycloak-admin)\n' "Keycloak" "$KEYCLOAK_URL"
fi
echo "  a token:  TOKEN=\$(deploy/local/token.sh operator)   logs: $LOGS/"
echo

if $DETACH; then
  echo "detached; stop with deploy/local/down.sh"
  exit 0
fi
trap '"$HERE/down.sh"; exit 0' INT TERM
echo "running in the foreground; Ctrl-C stops everything this started"
while true; do
  for name in "${started[@]}"; do
    if [ -f "$RUN/$name.pid" ] && ! alive "$name"; then
      echo "warning: $name has stopped (see $LOGS/$name.log)"
      rm -f "$RUN/$name.pid"
    fi
  done
  sleep 2
done
