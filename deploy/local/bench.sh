#!/usr/bin/env bash
# Load benchmark against the running local stack (start it first with deploy/local/up.sh --detach).
#   deploy/local/bench.sh [--rate 1000] [--duration 60] [--drain 30] [--sla-sample 50]
# A separate load-generator process: measures the machine's raw Kafka and PostgreSQL limits, then offers
# tickets at the rate and prints throughput and p50/p95/p99 per step with the ratios to those limits.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
answers 127.0.0.1 "$INTAKE_PORT" || { echo "intake-service does not answer on $INTAKE_PORT: run deploy/local/up.sh --detach first" >&2; exit 1; }
exec java -Xmx1g -cp "$STACK_CP" cn.hotline.stack.bench.Bench \
  --intake "http://127.0.0.1:$INTAKE_PORT" --sla "http://127.0.0.1:$SLA_PORT" \
  --bootstrap "127.0.0.1:$KAFKA_PORT" --jdbc "jdbc:postgresql://$PG_HOST:$PG_PORT/${DATABASE[intake-service]}" \
  --operator-token "$("$HERE/token.sh" operator)" --dispatcher-token "$("$HERE/token.sh" dispatcher)" "$@"
