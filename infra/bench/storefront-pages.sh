#!/usr/bin/env bash
# wrk against the running local stack (start it with ./atelier up): a demo chain's static stylesheet (the baseline),
# its home page and its booking flow's time-choice page (first salon, first service done there, any stylist, next
# Monday), 30 s each after 10 s of warm-up, at 8, 24 and 50 connections. Needs wrk (apt-get install -y wrk).
set -euo pipefail
chain=${1:-mayfair}
seconds=${SECONDS_PER_RUN:-30}
host="$chain.localhost"
base=http://localhost:8080
catalog=$(curl -sf -H "Host: $host" "$base/api/v1/catalog")
read -r location service < <(python3 -c '
import json, sys
catalog = json.load(sys.stdin)
location = catalog["locations"][0]["id"]
service = next(s for member in catalog["staff"] if location in member["locationIds"] for s in member["serviceIds"])
print(location, service)' <<<"$catalog")
monday=$(date -d "next monday" +%F)
time_page="/book/time?location=$location&service=$service&stylist=any&date=$monday"
page=$(curl -sf -H "Host: $host" "$base$time_page")
grep -q 'class="times"' <<<"$page" || { echo "the time page shows no times" >&2; exit 1; }

echo "| connections | request | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|"
for connections in 8 24 50; do
  for path in /assets/site.css / "$time_page"; do
    wrk -t2 -c"$connections" -d10s -H "Host: $host" "$base$path" >/dev/null
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Host: $host" "$base$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' || true)
    echo "| $connections | ${path%%\?*} | $rps | $p50 | $p99 | ${errors:-none} |"
  done
done
