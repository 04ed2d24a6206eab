#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started (its pid files), nothing else.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

[ -d "$RUN" ] || { echo "nothing to stop (no $RUN)"; exit 0; }
echo "stopping the local stack"
# The console and the services first, so they do not log a storm of connection errors while the servers go away.
stop_one web-console
# Side by side: a JVM that recorded its ahead-of-time cache takes ~25 s to write it on the way out.
for name in $(ls "$RUN" 2>/dev/null | sed -n 's/\.pid$//p' | grep -E -- '-service' ); do stop_one "$name" & done
wait
for name in keycloak issuer smsc police; do stop_one "$name"; done
stop_kafka
for name in redis postgres; do stop_one "$name"; done
for name in $(ls "$RUN" 2>/dev/null | sed -n 's/\.pid$//p'); do stop_one "$name"; done
rm -f "$RUN/kafka-brokers"
echo "done"
