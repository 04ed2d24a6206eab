#!/usr/bin/env bash
# Brings up the whole suite on this machine without Docker: a real Kafka broker (KRaft) from Maven
# Central artifacts, PostgreSQL and Redis (reused when they answer, else embedded real servers), the SMSC
# simulator, the stand-in 110 receiver and the four services; waits until every service is ready and prints where everything is.
#
#   deploy/local/up.sh [--detach] [--replicas N] [--build] [--no-console]
#
# With the services come the web console (:8080) and the identity provider people sign in with (Keycloak, :8180,
# realm hotline, which needs a JDK 21+ beside the default one); --no-console leaves both out.
# Foreground until Ctrl-C (then everything it started is stopped); --detach returns once all are ready
# (stop with deploy/local/down.sh). Addresses: see deploy/local/lib.sh (HOTLINE_* environment variables).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DETACH=false
REPLICAS=1
BUILD=false
CONSOLE=true
while [ $# -gt 0 ]; do
  case "$1" in
    --detach) DETACH=true ;;
    --replicas) REPLICAS=${2:?--replicas needs a number}; shift ;;
    --build) BUILD=true ;;
    --no-console) CONSOLE=false ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ "$REPLICAS" =~ ^[1-9]$ ]] || { echo "--replicas takes 1..9" >&2; exit 2; }

command -v java >/dev/null || { echo "java is not on PATH: install JDK 17+" >&2; exit 1; }
mkdir -p "$RUN" "$LOGS"

for name in postgres redis kafka smsc police keycloak web-console "${SERVICES[@]}"; do
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
  KEYCLOAK_HOME=$(ls -d "$ROOT"/local-stack/target/keycloak-* 2>/dev/null | sort | tail -n 1)
fi
if $CONSOLE && ! java21_home >/dev/null; then
  echo "Keycloak (the console's sign-in) needs JDK 21 or newer beside JDK 17: install one (e.g. apt-get install openjdk-21-jdk-headless), set HOTLINE_KEYCLOAK_JAVA_HOME, or run with --no-console" >&2
  exit 1
fi

# --- Ports this script will bind must be free.
problems=()
port_free() { # PORT VARIABLE WHAT
  if answers 127.0.0.1 "$1"; then
    problems+=("port $1 ($3) is already taken by another process: free it or set $2 to a free port")
  fi
}
port_free "$KAFKA_PORT" HOTLINE_KAFKA_PORT "Kafka"
port_free "$KAFKA_CONTROLLER_PORT" HOTLINE_KAFKA_CONTROLLER_PORT "Kafka controller"
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
fi
if [ ${#problems[@]} -gt 0 ]; then
  printf '%s\n' "${problems[@]}" >&2
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
  wait_port postgres 127.0.0.1 "$PG_PORT" 120 || problems+=("PostgreSQL: nothing answers at $PG_HOST:$PG_PORT and the embedded server did not start (see $LOGS/postgres.log): start PostgreSQL there or set HOTLINE_PG_PORT")
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

# --- Kafka: a real broker in KRaft mode.
mkdir -p "$DATA/kafka"
cat >"$DATA/kafka.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA/kafka
num.partitions=$KAFKA_PARTITIONS
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
if [ ! -f "$DATA/kafka/meta.properties" ]; then
  cluster_id=$(java -cp "$STACK_CP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  java -cp "$STACK_CP" kafka.tools.StorageTool format -t "$cluster_id" -c "$DATA/kafka.properties" >"$LOGS/kafka-format.log" 2>&1 \
    || problems+=("Kafka: formatting $DATA/kafka failed (see $LOGS/kafka-format.log)")
fi
if [ ${#problems[@]} -eq 0 ]; then
  echo "Kafka: starting a KRaft broker on 127.0.0.1:$KAFKA_PORT"
  start_kafka || problems+=("Kafka: the broker did not start on 127.0.0.1:$KAFKA_PORT (see $LOGS/kafka.log)")
fi
if [ ${#problems[@]} -gt 0 ]; then
  printf '%s\n' "${problems[@]}" >&2
  "$HERE/down.sh" >/dev/null 2>&1 || true
  exit 1
fi

# --- Topics, databases, the dev JWT key pair.
java -cp "$STACK_CP" cn.hotline.stack.Stack topics "127.0.0.1:$KAFKA_PORT" "$KAFKA_PARTITIONS" || fail "Kafka: could not create the topics" "$LOGS/kafka.log"
java -cp "$STACK_CP" cn.hotline.stack.Stack databases "$PG_HOST" "$PG_PORT" "${DATABASE[@]}" || fail "PostgreSQL: could not create the service databases"
java -cp "$STACK_CP" cn.hotline.stack.Stack keys "$DATA/jwt" || fail "could not create the dev JWT key pair in $DATA/jwt"

# --- Keycloak starts now and boots while the services do (it takes the longest).
if $CONSOLE; then
  echo "Keycloak: starting realm hotline on $KEYCLOAK_URL (first start imports the realm)"
  start_keycloak || fail "Keycloak could not be started" "$LOGS/keycloak.log"
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
declare -A URLS=()
for service in "${SERVICES[@]}"; do
  for replica in $(seq 1 "$REPLICAS"); do
    name=$(replica_name "$service" "$replica")
    echo "$name: starting on 127.0.0.1:$(replica_port "$service" "$replica")"
    start_service "$service" "$replica"
    URLS[$name]="http://127.0.0.1:$(replica_port "$service" "$replica")"
  done
done

if $CONSOLE; then
  echo "web-console: starting on $CONSOLE_URL"
  start_console
  URLS[web-console]="$CONSOLE_URL"
fi

echo "waiting for every service to be ready ..."
for name in "${!URLS[@]}"; do
  wait_ready "$name" "${URLS[$name]}" 180 || fail "$name did not become ready (see $LOGS/$name.log)" "$LOGS/$name.log"
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
printf '  %-20s 127.0.0.1:%s\n' "Kafka" "$KAFKA_PORT"
printf '  %-20s %s:%s   Redis %s:%s\n' "PostgreSQL" "$PG_HOST" "$PG_PORT" "$REDIS_HOST" "$REDIS_PORT"
alive smsc && printf '  %-20s SMPP 127.0.0.1:%s, sent messages at http://127.0.0.1:%s/messages\n' "SMSC simulator" "$SMSC_PORT" "$SMSC_HTTP_PORT"
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
