# Shared settings and helpers of deploy/local's scripts (sourced, not run).
# Every address can be overridden from the environment.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/deploy/local"
DATA=${HOTLINE_DATA:-$HERE/.data}
RUN="$DATA/run"
LOGS=${HOTLINE_LOGS:-$HERE/logs}

PG_HOST=${HOTLINE_PG_HOST:-127.0.0.1}
PG_PORT=${HOTLINE_PG_PORT:-5432}
REDIS_HOST=${HOTLINE_REDIS_HOST:-127.0.0.1}
REDIS_PORT=${HOTLINE_REDIS_PORT:-6379}
KAFKA_PORT=${HOTLINE_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${HOTLINE_KAFKA_CONTROLLER_PORT:-9093}
# Brokers 2 and 3 of up.sh --kafka-brokers 3 (client port, controller port each).
KAFKA2_PORT=${HOTLINE_KAFKA2_PORT:-9094}
KAFKA2_CONTROLLER_PORT=${HOTLINE_KAFKA2_CONTROLLER_PORT:-9095}
KAFKA3_PORT=${HOTLINE_KAFKA3_PORT:-9096}
KAFKA3_CONTROLLER_PORT=${HOTLINE_KAFKA3_CONTROLLER_PORT:-9097}
declare -A KAFKA_PORTS=([1]=$KAFKA_PORT [2]=$KAFKA2_PORT [3]=$KAFKA3_PORT)
declare -A KAFKA_CONTROLLER_PORTS=([1]=$KAFKA_CONTROLLER_PORT [2]=$KAFKA2_CONTROLLER_PORT [3]=$KAFKA3_CONTROLLER_PORT)
# How many brokers the running stack has: up.sh records it, so chaos.sh, bench.sh and a restarted service find them all.
KAFKA_BROKERS=$(cat "$RUN/kafka-brokers" 2>/dev/null || echo 1)
KAFKA_PARTITIONS=${HOTLINE_KAFKA_PARTITIONS:-6}
SMSC_PORT=${HOTLINE_SMSC_PORT:-2775}
SMSC_HTTP_PORT=${HOTLINE_SMSC_HTTP_PORT:-2776}
POLICE_PORT=${HOTLINE_POLICE_PORT:-2778}
INTAKE_PORT=${HOTLINE_INTAKE_PORT:-8081}
ROUTING_PORT=${HOTLINE_ROUTING_PORT:-8082}
SLA_PORT=${HOTLINE_SLA_PORT:-8083}
NOTIFY_PORT=${HOTLINE_NOTIFY_PORT:-8084}
CONSOLE_PORT=${HOTLINE_CONSOLE_PORT:-8080}
KEYCLOAK_PORT=${HOTLINE_KEYCLOAK_PORT:-8180}
SERVICE_HEAP=${HOTLINE_SERVICE_HEAP:-512m}
# JVM flags for the four services and the console. C1 only by default: on two cores shared by five JVMs, Kafka and
# PostgreSQL, C2's compiling cost more than its faster code saved — measured 2026-12-07 with bench.sh --rate 20 on
# fresh services: p99 to dispatch.assigned 1.0 s with C1 only against 6.4 s with both compilers, and a cold 30/s
# step dispatched 24/s against 11/s. Set HOTLINE_SERVICE_JAVA_OPTS=" " for the JVM's default (both compilers).
read -r -a SERVICE_JAVA_OPTS <<<"${HOTLINE_SERVICE_JAVA_OPTS:--XX:TieredStopAtLevel=1}"
# The load generators (bench.sh, chaos.sh) share the machine with the suite they measure: C1 only, as the services,
# and the serial collector. Measured 2026-12-07 at 25 tickets/s: the generator's CPU 8.2 -> 4.3 ms per ticket (C2
# compiling the Kafka and HTTP clients was most of it). HOTLINE_LOAD_JAVA_OPTS=" " for the JVM's defaults.
read -r -a LOAD_JAVA_OPTS <<<"${HOTLINE_LOAD_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT"
KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"
IDP_ISSUER="$KEYCLOAK_URL/realms/hotline"
# The console's client secret in the local realm (local-only; set HOTLINE_CONSOLE_SECRET for anything else).
CONSOLE_SECRET=${HOTLINE_CONSOLE_SECRET:-local-console-secret}
# notify-service's own identity (client credentials): the realm's notify-service client, or the dev issuer's
# (deploy/local without Keycloak). Local-only secret; set HOTLINE_NOTIFY_SECRET for anything else.
NOTIFY_SECRET=${HOTLINE_NOTIFY_SECRET:-local-notify-secret}
ISSUER_PORT=${HOTLINE_ISSUER_PORT:-8190}
DEV_ISSUER_URL="http://127.0.0.1:$ISSUER_PORT/realms/dev"
# A second stack on the same PostgreSQL/Redis (e.g. a test) takes other database names and Redis indexes.
DB_PREFIX=${HOTLINE_DB_PREFIX:-hotline}
REDIS_DB_BASE=${HOTLINE_REDIS_DB_BASE:-1}

SERVICES=(intake-service routing-service sla-service notify-service)
declare -A BASE_PORT=([intake-service]=$INTAKE_PORT [routing-service]=$ROUTING_PORT [sla-service]=$SLA_PORT [notify-service]=$NOTIFY_PORT)
declare -A REDIS_DB=([intake-service]=$REDIS_DB_BASE [routing-service]=$((REDIS_DB_BASE + 1)) [sla-service]=$((REDIS_DB_BASE + 2)) [notify-service]=$((REDIS_DB_BASE + 3)))
declare -A DATABASE=([intake-service]=${DB_PREFIX}_intake [routing-service]=${DB_PREFIX}_routing [sla-service]=${DB_PREFIX}_sla [notify-service]=${DB_PREFIX}_notify)

STACK_JAR="$ROOT/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar"
STACK_CP="$STACK_JAR:$ROOT/local-stack/target/lib/*"
CONSOLE_JAR="$ROOT/web-console/target/quarkus-app/quarkus-run.jar"
KEYCLOAK_HOME=$(ls -d "$ROOT"/local-stack/target/keycloak-* 2>/dev/null | sort | tail -n 1 || true)
SMSC_CP="$ROOT/smsc-simulator/target/smsc-simulator-1.0.0-SNAPSHOT.jar:$ROOT/smsc-simulator/target/lib/*"
POLICE_JAR="$ROOT/police-receiver/target/police-receiver-1.0.0-SNAPSHOT.jar"
POLICE_CP="$POLICE_JAR:$ROOT/police-receiver/target/lib/*"

# answers HOST PORT: true when something accepts TCP connections there.
answers() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# alive NAME: true when the process recorded for NAME runs and is the one we started.
alive() {
  local pidfile="$RUN/$1.pid" pid command try
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  # Read while the launcher forks and execs into the JVM (bash → setsid → nohup → env → java), the command line can be
  # empty or still the launching shell's (up.sh once declared a service just launched "not ready" with an empty log):
  # look again a few times before saying no. A process that is gone answers at once.
  for try in 1 2 3 4; do
    # No pipe into grep -q here: with pipefail, grep quitting early can fail the pipe (SIGPIPE) at random.
    command=$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null) || return 1
    [[ "$command" == *"-Dhotline.stack=$1 "* ]] && return 0
    # kc.sh stays the parent of Keycloak's JVM (it forwards TERM), so its own command line is the marker.
    [ "$1" = keycloak ] && [ -n "$KEYCLOAK_HOME" ] && [[ "$command" == *"$KEYCLOAK_HOME/bin/kc.sh"* ]] && return 0
    [ "$try" = 4 ] || sleep 0.3
  done
  return 1
}

# stop_one NAME: TERM, then KILL after 20 s, the process recorded for NAME; nothing else.
stop_one() {
  local name=$1 pid i
  if alive "$name"; then
    pid=$(cat "$RUN/$name.pid")
    kill -TERM "$pid" 2>/dev/null || true
    # A JVM that recorded its ahead-of-time cache writes it on the way out (~10-30 s here): allow for that.
    local halves=40
    [ -f "$RUN/$name.aot-training" ] && halves=180
    for i in $(seq 1 $halves); do
      alive "$name" || break
      sleep 0.5
    done
    if alive "$name"; then
      echo "  $name did not stop in $((halves / 2)) s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "  stopped $name"
  fi
  rm -f "$RUN/$name.pid" "$RUN/$name.aot-training"
}

started=()

# launch NAME LOG COMMAND...: starts a process in its own session, recorded in a pid file.
launch() {
  local name=$1 log=$2
  shift 2
  setsid nohup "$@" >"$log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
  started+=("$name")
}

# wait_port NAME HOST PORT SECONDS: true once the port answers; false if the process died or time ran out.
wait_port() {
  local name=$1 host=$2 port=$3 seconds=$4 i
  for i in $(seq 1 $((seconds * 2))); do
    answers "$host" "$port" && return 0
    # The first seconds after launch the pid may still be the shell before it exec'd java (no marker yet).
    [ "$i" -le 10 ] || alive "$name" || return 1
    sleep 0.5
  done
  return 1
}

# start_police: the stand-in 110 receiver (what intake hands over on transfer-out), its data kept in $DATA.
start_police() {
  launch police "$LOGS/police-receiver.log" env POLICE_RECEIVER_PORT="$POLICE_PORT" POLICE_RECEIVER_DATA="$DATA/police-handovers.jsonl" \
    java -Dhotline.stack=police -Xmx64m -cp "$POLICE_CP" cn.hotline.police.PoliceReceiver
  wait_port police 127.0.0.1 "$POLICE_PORT" 60
}

# kafka_name NODE: kafka (node 1, as with one broker), kafka-2, kafka-3 -- the pid file, log and marker name.
kafka_name() {
  if [ "$1" -gt 1 ]; then echo "kafka-$1"; else echo kafka; fi
}

# kafka_dir NODE: the node's log dir; kafka_config NODE: its server properties (both written by up.sh).
kafka_dir() {
  echo "$DATA/$(kafka_name "$1")"
}
kafka_config() {
  echo "$DATA/$(kafka_name "$1").properties"
}

# kafka_bootstrap: every broker's client address, the list every client is given.
kafka_bootstrap() {
  local node list=""
  for node in $(seq 1 "$KAFKA_BROKERS"); do
    list="$list${list:+,}127.0.0.1:${KAFKA_PORTS[$node]}"
  done
  echo "$list"
}

# launch_kafka [NODE]: starts a broker (node 1 unless named) on its formatted storage; returns at once.
launch_kafka() {
  local node=${1:-1} name
  name=$(kafka_name "$node")
  launch "$name" "$LOGS/$name.log" java -Dhotline.stack="$name" -Xmx512m -Dlog4j2.configurationFile="$HERE/kafka-log4j2.properties" \
    -cp "$STACK_CP" kafka.Kafka "$(kafka_config "$node")"
}

# start_kafka [NODE]: launch_kafka, then true once the broker listens. With three brokers, a node listens only
# once it has caught up with the controller quorum, so at least one other node must be running.
start_kafka() {
  local node=${1:-1}
  launch_kafka "$node"
  wait_port "$(kafka_name "$node")" 127.0.0.1 "${KAFKA_PORTS[$node]}" 90
}

# stop_kafka: every broker at once -- stopped one by one, the last would wait for a controller quorum already gone.
stop_kafka() {
  local names=() name i running
  for name in kafka kafka-2 kafka-3; do
    if alive "$name"; then
      names+=("$name")
      kill -TERM "$(cat "$RUN/$name.pid")" 2>/dev/null || true
    fi
  done
  for i in $(seq 1 60); do
    running=false
    for name in ${names[@]+"${names[@]}"}; do
      if alive "$name"; then running=true; fi
    done
    $running || break
    sleep 0.5
  done
  for name in ${names[@]+"${names[@]}"}; do
    if alive "$name"; then
      echo "  $name did not stop in 30 s; killing it"
      kill -KILL "$(cat "$RUN/$name.pid")" 2>/dev/null || true
    fi
    echo "  stopped $name"
  done
  rm -f "$RUN/kafka.pid" "$RUN/kafka-2.pid" "$RUN/kafka-3.pid"
}

# replica_name SERVICE REPLICA: intake-service, intake-service-2, ...
replica_name() {
  if [ "$2" -gt 1 ]; then echo "$1-$2"; else echo "$1"; fi
}

# replica_port SERVICE REPLICA: the base port, +100 per further replica.
replica_port() {
  echo $(( ${BASE_PORT[$1]} + 100 * ($2 - 1) ))
}

# service_identity_provider: where services get their own tokens (client credentials): Keycloak's realm when
# Keycloak runs, the dev issuer otherwise. No service holds a signing key.
service_identity_provider() {
  if alive keycloak; then echo "$IDP_ISSUER"; else echo "$DEV_ISSUER_URL"; fi
}

# start_issuer: the dev issuer's token endpoint (service identities when the stack runs without Keycloak).
start_issuer() {
  launch issuer "$LOGS/issuer.log" java -Dhotline.stack=issuer -Xmx64m -cp "$STACK_CP" cn.hotline.stack.Stack issuer \
    "$DATA/jwt" "$ISSUER_PORT" "notify-service:$NOTIFY_SECRET:service"
  wait_port issuer 127.0.0.1 "$ISSUER_PORT" 60
}

# start_service SERVICE REPLICA: runs one instance from its packaged jar (returns at once; see wait_ready).
start_service() {
  local service=$1 replica=$2 name port db
  name=$(replica_name "$service" "$replica")
  port=$(replica_port "$service" "$replica")
  db=${DATABASE[$service]}
  local jar="$ROOT/$service/target/quarkus-app/quarkus-run.jar" jvm
  resolve_service_jdk
  mapfile -t jvm < <(service_java "$name" "$jar")
  launch "$name" "$LOGS/$name.log" env \
    QUARKUS_HTTP_PORT="$port" \
    KAFKA_BOOTSTRAP_SERVERS="$(kafka_bootstrap)" \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$db" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
    HOTLINE_REDIS_URI="redis://$REDIS_HOST:$REDIS_PORT/${REDIS_DB[$service]}" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$DATA/jwt/public.pem" \
    QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL="$(service_identity_provider)" \
    QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET="$NOTIFY_SECRET" \
    NOTIFY_SMPP_HOST=127.0.0.1 NOTIFY_SMPP_PORT="$SMSC_PORT" \
    HOTLINE_INTAKE_POLICE_RECEIVER_URL="http://127.0.0.1:$POLICE_PORT" \
    QUARKUS_REST_CLIENT_ROUTING_URL="http://127.0.0.1:$ROUTING_PORT" \
    QUARKUS_REST_CLIENT_INTAKE_URL="http://127.0.0.1:$INTAKE_PORT" \
    HOTLINE_NOTIFY_CITIZEN_PROGRESS_LINK_BASE="http://127.0.0.1:$INTAKE_PORT/api/v1/progress/" \
    HOTLINE_AUTH_IDP_ISSUER="$IDP_ISSUER" \
    QUARKUS_SMALLRYE_JWT_BLOCKING_AUTHENTICATION=true \
    HOTLINE_NOTIFY_FIELD_LINK_BASE="$CONSOLE_URL/m/" \
    "${jvm[@]}" -Dhotline.stack="$name" -Xmx"$SERVICE_HEAP" -XX:ErrorFile="$LOGS/hs_err_${name}_%p.log" \
      ${SERVICE_JAVA_OPTS[@]+"${SERVICE_JAVA_OPTS[@]}"} -jar "$jar"
}

# wait_ready NAME URL SECONDS: true once URL/q/health/ready answers 200; false if the process died or time ran out.
wait_ready() {
  local name=$1 url=$2 seconds=$3 i
  for i in $(seq 1 $((seconds * 2))); do
    curl -fsS "$url/q/health/ready" >/dev/null 2>&1 && return 0
    alive "$name" || return 1
    sleep 0.5
  done
  return 1
}

# jdk_home MIN [DIR...]: the first JDK of version MIN or newer among DIR..., JAVA_HOME, the java on PATH and
# /usr/lib/jvm/*; nothing (status 1) if there is none.
jdk_home() {
  local min=$1 candidate version
  shift
  for candidate in "$@" "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge "$min" ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# java21_home: a JDK 21+ for Keycloak (HOTLINE_KEYCLOAK_JAVA_HOME first), or nothing.
java21_home() {
  jdk_home 21 "${HOTLINE_KEYCLOAK_JAVA_HOME:-}"
}

SERVICE_JDK=""
SERVICE_JDK_VERSION=0
SERVICE_JDK_RESOLVED=false
# resolve_service_jdk: sets SERVICE_JDK (empty: the java on PATH) and its major version, once per script: finding it
# starts a JVM per candidate, which a restart under load should not pay again.
resolve_service_jdk() {
  $SERVICE_JDK_RESOLVED && return 0
  SERVICE_JDK_RESOLVED=true
  if [ -n "${HOTLINE_SERVICE_JAVA_HOME:-}" ]; then
    SERVICE_JDK=$HOTLINE_SERVICE_JAVA_HOME
  else
    SERVICE_JDK=$(jdk_home 25) || SERVICE_JDK=""
  fi
  if [ -n "$SERVICE_JDK" ]; then
    SERVICE_JDK_VERSION=$("$SERVICE_JDK/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = //p')
    SERVICE_JDK_VERSION=${SERVICE_JDK_VERSION%%.*}
  fi
}

# service_java NAME JAR: the java command line's start for a service or the console, on stdout one word per line:
# the java binary, then its flags. With a JDK 25+ (HOTLINE_SERVICE_JAVA_HOME, else one found as for Keycloak) the
# JVM uses an ahead-of-time cache of the classes it loaded and linked on an earlier run of the same build
# (JEP 483/514/515): a service then starts in ~2.5 s instead of ~4.5 s on this machine, which is what a restart under
# load needs. The first run of a build records the cache, written when it stops (down.sh waits for that);
# HOTLINE_SERVICE_AOT=off leaves it out. Without a JDK 25 the services run on the java on PATH as before.
# Temurin 25.0.3 can crash while writing the cache after a long first run (SIGSEGV in
# MethodTrainingData::cleanup, seen after 20-30 minutes under load): nothing is lost (the service had stopped), no
# cache is written, the next start records again; the crash report goes to $LOGS/hs_err_<name>_<pid>.log.
service_java() {
  local name=$1 jar=$2 jdk key cache
  resolve_service_jdk
  jdk=$SERVICE_JDK
  if [ -z "$jdk" ]; then
    echo java
    return 0
  fi
  echo "$jdk/bin/java"
  [ "${HOTLINE_SERVICE_AOT:-on}" = off ] && return 0
  [ "${SERVICE_JDK_VERSION:-0}" -ge 25 ] 2>/dev/null || return 0
  # The cache belongs to one build: keyed by the application's jars (paths, sizes, times) and the JVM's flags.
  key=$({ find "$(dirname "$jar")" -name '*.jar' -printf '%p %s %T@\n' | sort; echo "$jdk ${SERVICE_JAVA_OPTS[*]:-}"; } \
    | md5sum | cut -c1-12)
  mkdir -p "$DATA/aot"
  cache="$DATA/aot/$name-$key.aot"
  if [ -s "$cache" ]; then
    echo "-XX:AOTCache=$cache"
    rm -f "$RUN/$name.aot-training"
  elif [ "$name" = "${name%-[0-9]}" ]; then
    # One replica records; the others start without a cache until it exists.
    find "$DATA/aot" -name "$name-*.aot*" -delete
    echo "-XX:AOTCacheOutput=$cache"
    touch "$RUN/$name.aot-training"
  fi
}

# start_keycloak: the local identity provider (realm hotline from deploy/local/keycloak/) on 127.0.0.1:$KEYCLOAK_PORT.
start_keycloak() {
  local jdk
  jdk=$(java21_home) || { echo "Keycloak needs JDK 21 or newer: install one (e.g. apt-get install openjdk-21-jdk-headless) or set HOTLINE_KEYCLOAK_JAVA_HOME" >&2; return 1; }
  [ -n "$KEYCLOAK_HOME" ] && [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] || { echo "Keycloak is not unpacked: run ./mvnw -DskipTests package -pl local-stack" >&2; return 1; }
  mkdir -p "$KEYCLOAK_HOME/data/import" "$DATA/keycloak"
  cp "$HERE/keycloak/hotline-realm.json" "$KEYCLOAK_HOME/data/import/hotline-realm.json"
  launch keycloak "$LOGS/keycloak.log" env JAVA_HOME="$jdk" JAVA_OPTS_APPEND="-Dhotline.stack=keycloak " \
    HOTLINE_CONSOLE_URL="$CONSOLE_URL" HOTLINE_CONSOLE_SECRET="$CONSOLE_SECRET" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=local-keycloak-admin \
    "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$KEYCLOAK_PORT" --import-realm \
      --db dev-file --db-url "jdbc:h2:file:$DATA/keycloak/keycloakdb;NON_KEYWORDS=VALUE"
}

# wait_keycloak SECONDS: true once the hotline realm answers its discovery document.
wait_keycloak() {
  local i
  for i in $(seq 1 $(($1 * 2))); do
    curl -fsS "$IDP_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1 && return 0
    keycloak_alive || return 1
    sleep 0.5
  done
  return 1
}

# keycloak_alive: kc.sh execs java with JAVA_OPTS_APPEND, so the pid file's process carries the stack marker.
keycloak_alive() {
  alive keycloak
}

# start_console: the web console from its packaged jar (returns at once; see wait_ready).
start_console() {
  local jvm
  resolve_service_jdk
  mapfile -t jvm < <(service_java web-console "$CONSOLE_JAR")
  launch web-console "$LOGS/web-console.log" env \
    QUARKUS_HTTP_PORT="$CONSOLE_PORT" \
    KAFKA_BOOTSTRAP_SERVERS="$(kafka_bootstrap)" \
    QUARKUS_OIDC_AUTH_SERVER_URL="$IDP_ISSUER" \
    QUARKUS_OIDC_CREDENTIALS_SECRET="$CONSOLE_SECRET" \
    HOTLINE_CONSOLE_PUBLIC_URL="$CONSOLE_URL" \
    QUARKUS_REST_CLIENT_INTAKE_URL="http://127.0.0.1:$INTAKE_PORT" \
    QUARKUS_REST_CLIENT_ROUTING_URL="http://127.0.0.1:$ROUTING_PORT" \
    QUARKUS_REST_CLIENT_SLA_URL="http://127.0.0.1:$SLA_PORT" \
    QUARKUS_REST_CLIENT_NOTIFY_URL="http://127.0.0.1:$NOTIFY_PORT" \
    "${jvm[@]}" -Dhotline.stack=web-console -Xmx"$SERVICE_HEAP" -XX:ErrorFile="$LOGS/hs_err_web-console_%p.log" \
      ${SERVICE_JAVA_OPTS[@]+"${SERVICE_JAVA_OPTS[@]}"} -jar "$CONSOLE_JAR"
}
