#!/usr/bin/env bash
# Load benchmark against the running local stack (start it first with deploy/local/up.sh --detach).
#   deploy/local/bench.sh [--rate 1000] [--duration 60] [--warmup 10] [--drain 30] [--in-flight 512]
#                         [--find-max [--start-rate 50] [--step-factor 1.4] [--step-duration 30]]
#                         [--p99-bound-ms 500] [--sla-sample 50] [--no-reference] [--chart FILE.png]
# A separate load-generator process: the machine's raw Kafka (to a scratch topic it creates and deletes) and
# PostgreSQL limits, then tickets at the rate (or in rising steps) with latency from the intended send time,
# misses, consumer lag, CPU ms per ticket per process, commits and records per ticket; the last line is JSON.
# The chart goes to $LOGS/bench-<time>.png unless --chart says where.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
answers 127.0.0.1 "$INTAKE_PORT" || { echo "intake-service does not answer on $INTAKE_PORT: run deploy/local/up.sh --detach first" >&2; exit 1; }
chart=()
[[ " $* " == *" --chart "* ]] || chart=(--chart "$LOGS/bench-$(date -u +%Y%m%dT%H%M%SZ).png")
exec java -Xmx1g ${LOAD_JAVA_OPTS[@]+"${LOAD_JAVA_OPTS[@]}"} -Djava.awt.headless=true -cp "$STACK_CP" cn.hotline.stack.bench.Bench \
  --intake "http://127.0.0.1:$INTAKE_PORT" --sla "http://127.0.0.1:$SLA_PORT" \
  --bootstrap "$(kafka_bootstrap)" --jdbc "jdbc:postgresql://$PG_HOST:$PG_PORT/${DATABASE[intake-service]}" \
  --db-prefix "$DB_PREFIX" \
  --operator-token "$("$HERE/token.sh" operator)" --dispatcher-token "$("$HERE/token.sh" dispatcher)" "${chart[@]}" "$@"
