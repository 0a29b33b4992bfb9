#!/usr/bin/env bash
# The registry benchmark (issue 6, point 7), on loopback only:
#   1. cold start to ready (GET /health/ready 200) on a fresh data directory: initdb, migrations, first start;
#   2. bench/registry/RegistryLoad.java creates REGISTRY_TOTAL ApiKey integrations over REGISTRY_TENANTS tenants
#      (creates/s) and measures first-page list latency (p50/p99) at 1k, 10k and 100k rows;
#   3. cold start to ready again on the same (now full) data directory: a restart;
#   4. cold start to ready of a second dochooks on an external database: the first one's embedded PostgreSQL,
#      reached through DOCHOOKS_DATABASE_URL, with the secrets from the first one's data directory.
# Results go to standard output and, as a table, to the registry section of docs/benchmarks.md.
#
#   bash bench/registry.sh
#
# Knobs (environment): REGISTRY_TOTAL (100000), REGISTRY_TENANTS (1000), REGISTRY_CONCURRENCY (16 concurrent
# creates), REGISTRY_LIST_REQUESTS (1000 per measurement), REGISTRY_LIST_CONCURRENCY (1), REGISTRY_HEAP (256m),
# REGISTRY_RESULTS_FILE (docs/benchmarks.md; "-" for standard output only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/bootstrap/target/dochooks.jar"
LOAD_SOURCE="$ROOT/bench/registry/RegistryLoad.java"
RESULTS_FILE="${REGISTRY_RESULTS_FILE:-$ROOT/docs/benchmarks.md}"
TOTAL="${REGISTRY_TOTAL:-100000}"
TENANTS="${REGISTRY_TENANTS:-1000}"
CONCURRENCY="${REGISTRY_CONCURRENCY:-16}"
LIST_REQUESTS="${REGISTRY_LIST_REQUESTS:-1000}"
LIST_CONCURRENCY="${REGISTRY_LIST_CONCURRENCY:-1}"
HEAP="${REGISTRY_HEAP:-256m}"
READY_TIMEOUT=180
HOST=127.0.0.1
SECTION="## The registry (issue 6, point 7)"

log() { printf '[registry %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

# ---------------------------------------------------------------------------------------------------------
# processes: every one this script starts is recorded and stopped by the EXIT trap, newest first
PIDS=()
WORK=""

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_everything_started
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# starts dochooks (extra environment as arguments) and waits, bounded, for /health/ready 200; sets
# STARTED_PID, STARTED_URL and READY_MS (launch to ready, polled every 50 ms)
start_and_time() {
    local name=$1 port i started
    shift
    port=$(free_port)
    started=$(now_ms)
    env DOCHOOKS_HTTP_PORT="$port" "$@" java -Xmx"$HEAP" -jar "$JAR" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    STARTED_PID=$!
    PIDS+=("$STARTED_PID")
    STARTED_URL="http://$HOST:$port"
    for ((i = 0; i < READY_TIMEOUT * 20; i++)); do
        if curl -sf --max-time 2 -o /dev/null "$STARTED_URL/health/ready"; then
            READY_MS=$(($(now_ms) - started))
            log "$name ready in $READY_MS ms"
            return 0
        fi
        alive "$STARTED_PID" || break
        sleep 0.05
    done
    tail -n 30 "$WORK/$name.out" "$WORK/$name.err" >&2 || true
    die "$name not ready within $READY_TIMEOUT s (or exited)"
}

# ---------------------------------------------------------------------------------------------------------
main() {
    command -v java >/dev/null && command -v curl >/dev/null && command -v ss >/dev/null || die "needs java, curl and ss"
    if [[ ! -f $JAR ]]; then
        log "building $JAR"
        (cd "$ROOT" && mvn -B -q -DskipTests package) || die "build failed"
    fi
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/dochooks-registry.XXXXXX")
    # started as root, the embedded PostgreSQL runs as nobody: it must reach its directory
    chmod 755 "$WORK"
    local load_before run_at
    load_before=$(load_average)
    run_at=$(date -u '+%Y-%m-%d %H:%M')

    # 1. first start: initdb + migrations
    start_and_time first DOCHOOKS_DATA_DIR="$WORK/data"
    local first_ms=$READY_MS url=$STARTED_URL

    # 2. the load (one JVM; tokens minted with the data directory's secret)
    log "loading $TOTAL integrations over $TENANTS tenants ($CONCURRENCY concurrent creates)"
    local checkpoints=""
    for c in 1000 10000 100000; do
        if ((c < TOTAL)); then checkpoints+="$c,"; fi
    done
    checkpoints+="$TOTAL"
    java -cp "$JAR" "$LOAD_SOURCE" --url "$url" --secret-file "$WORK/data/jwt-secret" --tenants "$TENANTS" \
        --total "$TOTAL" --checkpoints "$checkpoints" --concurrency "$CONCURRENCY" \
        --list-requests "$LIST_REQUESTS" --list-concurrency "$LIST_CONCURRENCY" >"$WORK/load.out" \
        || die "the load tool failed"
    cat "$WORK/load.out"
    local load_peak
    load_peak=$(load_average)

    # 3. restart on the full data directory
    stop_pid "$STARTED_PID"
    start_and_time restart DOCHOOKS_DATA_DIR="$WORK/data"
    local restart_ms=$READY_MS

    # 4. a second dochooks on an external database: the embedded one's PostgreSQL, its port from postmaster.pid
    local pg_port
    pg_port=$(sed -n 4p "$WORK/data/postgres/postmaster.pid")
    [[ $pg_port =~ ^[0-9]+$ ]] || die "no PostgreSQL port in postmaster.pid"
    mkdir -p "$WORK/external-data"
    start_and_time external DOCHOOKS_DATA_DIR="$WORK/external-data" \
        DOCHOOKS_DATABASE_URL="postgresql://postgres@$HOST:$pg_port/postgres" \
        DOCHOOKS_JWT_SECRET="$(cat "$WORK/data/jwt-secret")" \
        DOCHOOKS_ENCRYPTION_KEYS="$(cat "$WORK/data/encryption-keys")"
    local external_ms=$READY_MS
    # the external instance really serves the first one's data: t0's first page is full there too
    local token items
    token=$(DOCHOOKS_DATA_DIR="$WORK/data" timeout 60 java -jar "$JAR" token --tenant t0 --user admin --admin)
    items=$(curl -sf --max-time 10 -H "Authorization: Bearer $token" "$STARTED_URL/api/v1/integrations?limit=50" \
        | grep -o '"authType"' | wc -l) || die "the external instance did not list t0's integrations"
    [[ $items == 50 ]] || die "the external instance listed $items of t0's integrations on its first page, not 50"
    log "the external instance lists t0's first page (50 items)"

    report "$run_at" "$load_before" "$load_peak" "$first_ms" "$restart_ms" "$external_ms"
}

# the results as markdown: to standard output, and into the registry section of the results file
report() {
    local run_at=$1 load_before=$2 load_peak=$3 first_ms=$4 restart_ms=$5 external_ms=$6 text
    text=$(
        echo "**Run $run_at UTC** on $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average $load_before before, $load_peak after the load; $TOTAL integrations over $TENANTS tenants, $CONCURRENCY concurrent creates, lists $LIST_REQUESTS requests per column at concurrency $LIST_CONCURRENCY, server heap $HEAP. Command: \`REGISTRY_TOTAL=$TOTAL REGISTRY_TENANTS=$TENANTS bash bench/registry.sh\`."
        echo
        echo "| rows | creates/s (this stretch) | list p50 / p99, random tenant (items) | list p50 / p99, full page (items) |"
        echo "|---|---|---|---|"
        awk '/^RESULT/ {
            for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
            printf "| %d | %s (%d in %s s) | %s / %s ms (%s) | %s / %s ms (%s) |\n", v["rows"], v["creates_per_s"],
                v["created"], v["create_seconds"], v["random_p50_ms"], v["random_p99_ms"], v["random_items"],
                v["full_p50_ms"], v["full_p99_ms"], v["full_items"]
        }' "$WORK/load.out"
        echo
        echo "| cold start to ready | ms |"
        echo "|---|---|"
        echo "| embedded, first start (initdb, migrations) | $first_ms |"
        echo "| embedded, restart with $TOTAL integrations | $restart_ms |"
        echo "| external PostgreSQL (a second instance on the first one's database) | $external_ms |"
    )
    printf '%s\n' "$text"
    [[ $RESULTS_FILE == - ]] && return 0
    printf '%s\n' "$text" >"$WORK/results.md"
    # the generated block sits between two markers inside the registry section; everything else is kept
    python3 - "$RESULTS_FILE" "$WORK/results.md" "$SECTION" <<'EOF'
import sys
path, results, section = sys.argv[1], sys.argv[2], sys.argv[3]
begin, end = "<!-- registry results: kept by bench/registry.sh -->", "<!-- end of registry results -->"
text = open(path, encoding="utf-8").read()
block = begin + "\n" + open(results, encoding="utf-8").read() + end
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
elif section in text:
    at = text.index(section) + len(section)
    text = text[:at] + "\n\n" + block + text[at:]
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n\n" + block + "\n"
open(path, "w", encoding="utf-8").write(text)
EOF
    log "results written to $RESULTS_FILE"
}

main "$@"
