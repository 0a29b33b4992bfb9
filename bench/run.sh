#!/usr/bin/env bash
# The provider-path benchmark (issue 3, point 7): one run, on loopback only, measuring the same provider
# (bench/provider/BenchProvider.java) reached three ways with the same load generators:
#   direct    straight to the provider
#   nginx     nginx proxy_pass in front of it (the yardstick)
#   dochooks  through dochooks' document routes, the server's heap capped (BENCH_HEAP, default 64m)
# Small JSON (metadata) with wrk, then a 1 GiB download and upload with curl, checksums compared, dochooks'
# heap sampled with jstat during its transfers. Results go to standard output and to docs/benchmarks.md.
#
#   bash bench/run.sh
#
# Knobs (environment, for quick trials; the documented results use the defaults): BENCH_THREADS (2),
# BENCH_CONNECTIONS (32), BENCH_DURATION (15 s), BENCH_WARMUP (5 s), BENCH_FILE_BYTES (1 GiB),
# BENCH_WARM_FILE_BYTES (128 MiB), BENCH_HEAP (64m), BENCH_TRANSFER_TIMEOUT (300 s),
# BENCH_RESULTS_FILE (docs/benchmarks.md; "-" for standard output only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/bootstrap/target/dochooks.jar"
PROVIDER_SOURCE="$ROOT/bench/provider/BenchProvider.java"
RESULTS_FILE="${BENCH_RESULTS_FILE:-$ROOT/docs/benchmarks.md}"

THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-5}"
FILE_BYTES="${BENCH_FILE_BYTES:-1073741824}"
WARM_FILE_BYTES="${BENCH_WARM_FILE_BYTES:-134217728}"
HEAP="${BENCH_HEAP:-64m}"
TRANSFER_TIMEOUT="${BENCH_TRANSFER_TIMEOUT:-300}"
NGINX_BUFFER="${BENCH_NGINX_BUFFER:-64k}"
HOST=127.0.0.1
METADATA_ID="blob-4096"
# a fresh key per run; it only ever travels on loopback and dies with the run
API_KEY="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------------------
# processes: every one this script starts is recorded and stopped by the EXIT trap, newest first
PIDS=()
WORK=""
POLICY_RC_CREATED=""

alive() {
    local pid=$1
    [[ -r /proc/$pid/status ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null
}

# TERM, then up to 30 s (dochooks stops its embedded PostgreSQL on TERM), then KILL
stop_pid() {
    local pid=$1 i
    if alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 300; i++)); do
            alive "$pid" || break
            sleep 0.1
        done
        if alive "$pid"; then
            log "process $pid did not stop within 30 s, killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
}

# a PostgreSQL left by a dochooks that had to be killed: fast shutdown, bounded
stop_leftover_postgres() {
    local pidfile="$WORK/data/postgres/postmaster.pid" pid i
    [[ -r $pidfile ]] || return 0
    pid=$(head -n1 "$pidfile" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 0
    log "stopping the embedded PostgreSQL left behind (pid $pid)"
    kill -INT "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        alive "$pid" || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$? i
    trap - EXIT INT TERM
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        stop_pid "${PIDS[i]}"
    done
    if [[ -n $WORK ]]; then
        stop_leftover_postgres
        rm -rf "$WORK"
    fi
    if [[ -n $POLICY_RC_CREATED ]]; then
        rm -f /usr/sbin/policy-rc.d
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# waits (bounded) until a command succeeds; fails at once when the process it waits for exits,
# then shows the end of that process's log
wait_until() {
    local what=$1 seconds=$2 pid=$3 logfile=$4 i
    shift 4
    for ((i = 0; i < seconds * 5; i++)); do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        alive "$pid" || break
        sleep 0.2
    done
    tail -n 30 "$logfile" >&2 || true
    if alive "$pid"; then die "$what not ready within $seconds s"; fi
    die "$what exited while starting"
}

# a port nobody listens on, from a range away from the ephemeral one
free_port() {
    local port i
    for ((i = 0; i < 200; i++)); do
        port=$((20000 + RANDOM % 12000))
        if [[ -z $(ss -Htln "( sport = :$port )" 2>/dev/null) ]]; then
            echo "$port"
            return 0
        fi
    done
    die "no free port found"
}

# ---------------------------------------------------------------------------------------------------------
# tools
install_packages() {
    local missing=()
    command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    ((${#missing[@]} == 0)) && return 0
    [[ $(id -u) == 0 ]] || die "${missing[*]} missing; install them (apt-get install ${missing[*]}) or run as root"
    # the nginx package would start its own service on port 80: forbid service starts while installing
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        POLICY_RC_CREATED=1
    fi
    log "installing ${missing[*]}"
    if ! DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
        log "install failed; refreshing the package lists once"
        DEBIAN_FRONTEND=noninteractive timeout 300 apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
    fi
    if [[ -n $POLICY_RC_CREATED ]]; then
        rm -f /usr/sbin/policy-rc.d
        POLICY_RC_CREATED=""
    fi
    command -v nginx >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1 || die "nginx or wrk still missing"
}

check_tools() {
    local tool
    for tool in java jstat curl ss awk sha256sum od; do
        command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
    done
    PATH="$PATH:/usr/sbin"
    install_packages
    if [[ ! -f $JAR ]]; then
        command -v mvn >/dev/null 2>&1 || die "$JAR is missing and mvn is not installed"
        log "building $JAR"
        (cd "$ROOT" && timeout 900 mvn -B -q -DskipTests package) >&2
    fi
    [[ -f $JAR ]] || die "$JAR was not built"
}

# ---------------------------------------------------------------------------------------------------------
# the three servers
start_provider() {
    PROVIDER_PORT=$(free_port)
    log "starting the bench provider on $HOST:$PROVIDER_PORT"
    java -cp "$JAR" "$PROVIDER_SOURCE" "$PROVIDER_PORT" "$API_KEY" >"$WORK/provider.log" 2>&1 &
    PROVIDER_PID=$!
    PIDS+=("$PROVIDER_PID")
    wait_until "the bench provider" 60 "$PROVIDER_PID" "$WORK/provider.log" grep -q "listening on" "$WORK/provider.log"
    PROVIDER_URL="http://$HOST:$PROVIDER_PORT"
}

start_nginx() {
    NGINX_PORT=$(free_port)
    local dir="$WORK/nginx"
    mkdir -p "$dir/temp"
    # workers run as nobody (nginx started by root); they need to reach their temp directories
    chmod 755 "$WORK" "$dir"
    chmod 777 "$dir/temp"
    cat >"$dir/nginx.conf" <<EOF
# generated by bench/run.sh: nginx proxy_pass in front of the bench provider, the yardstick
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    upstream provider {
        server $HOST:$PROVIDER_PORT;
        keepalive 64;
    }
    server {
        listen $HOST:$NGINX_PORT;
        client_max_body_size 0;
        location / {
            proxy_pass http://provider;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
            proxy_request_buffering off;
            # unbuffered, nginx relays through one buffer of this size each way (defaults: a page or two)
            proxy_buffer_size $NGINX_BUFFER;
            proxy_buffers 8 $NGINX_BUFFER;
            proxy_busy_buffers_size $NGINX_BUFFER;
            client_body_buffer_size $NGINX_BUFFER;
            proxy_read_timeout 60s;
            proxy_send_timeout 60s;
        }
    }
}
EOF
    log "starting nginx on $HOST:$NGINX_PORT"
    nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >>"$dir/error.log" 2>&1 &
    NGINX_PID=$!
    PIDS+=("$NGINX_PID")
    NGINX_URL="http://$HOST:$NGINX_PORT"
    wait_until "nginx" 30 "$NGINX_PID" "$dir/error.log" curl -sf --max-time 2 "$NGINX_URL/serviceInfo"
}

start_dochooks() {
    DOCHOOKS_PORT=$(free_port)
    log "starting dochooks on port $DOCHOOKS_PORT with -Xmx$HEAP"
    env DOCHOOKS_HTTP_PORT="$DOCHOOKS_PORT" DOCHOOKS_DATA_DIR="$WORK/data" \
        DOCHOOKS_PROVIDER_ALLOWED_CIDRS=127.0.0.0/8 DOCHOOKS_ALLOW_HTTP_PROVIDERS=true \
        java "-Xmx$HEAP" "-Xlog:gc:file=$WORK/dochooks-gc.log" -jar "$JAR" \
        >"$WORK/dochooks.log" 2>"$WORK/dochooks.err" &
    DOCHOOKS_PID=$!
    PIDS+=("$DOCHOOKS_PID")
    DOCHOOKS_URL="http://$HOST:$DOCHOOKS_PORT"
    wait_until "dochooks" 180 "$DOCHOOKS_PID" "$WORK/dochooks.err" curl -sf --max-time 2 "$DOCHOOKS_URL/health/ready"
    # the ready admin token is printed on standard error right after the listen; the token command mints one
    # with the same secret when it is not there
    local i
    for ((i = 0; i < 25; i++)); do
        grep -q "Admin token" "$WORK/dochooks.err" && break
        sleep 0.2
    done
    TOKEN=$(grep -A1 "Admin token" "$WORK/dochooks.err" | tail -n1 | tr -d '[:space:]' || true)
    if [[ ! $TOKEN =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]]; then
        TOKEN=$(DOCHOOKS_DATA_DIR="$WORK/data" timeout 60 java -jar "$JAR" token --tenant local --user admin --admin)
    fi
    [[ -n $TOKEN ]] || die "no bearer token for dochooks"
}

register_integration() {
    local headers="$WORK/register.headers" status
    status=$(curl -sS --max-time 30 -o "$WORK/register.json" -D "$headers" -w '%{http_code}' \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data "{\"name\":\"bench provider\",\"baseApiUrl\":\"$PROVIDER_URL\",\"authType\":\"ApiKey\",\"apiKey\":\"$API_KEY\"}" \
        "$DOCHOOKS_URL/api/v1/integrations")
    [[ $status == 201 ]] || die "registering the integration answered $status: $(cat "$WORK/register.json")"
    INTEGRATION_ID=$(tr -d '\r' <"$headers" | sed -n 's|^[Ll]ocation: .*/api/v1/integrations/\([0-9a-fA-F-]*\)$|\1|p')
    [[ -n $INTEGRATION_ID ]] || die "no integration id in the Location header"
    DOCUMENTS_URL="$DOCHOOKS_URL/api/v1/integrations/$INTEGRATION_ID/documents"
    log "registered integration $INTEGRATION_ID"
}

# the document routes are wired separately; without them the dochooks rows say so instead of failing the run
probe_dochooks_routes() {
    local status
    status=$(curl -sS --max-time 30 -o "$WORK/probe.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
        "$DOCUMENTS_URL/metadata?id=$METADATA_ID" || echo 000)
    if [[ $status == 200 ]]; then
        DOCHOOKS_ROUTES=yes
    else
        DOCHOOKS_ROUTES=no
        log "dochooks' metadata route answered $status: $(head -c 300 "$WORK/probe.json" 2>/dev/null)"
    fi
}

# ---------------------------------------------------------------------------------------------------------
# small JSON: wrk with a Lua summary of the percentiles (microseconds)
write_wrk_script() {
    cat >"$WORK/summary.lua" <<'EOF'
done = function(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d duration_us=%d p50=%d p90=%d p99=%d p999=%d max=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
        latency:percentile(99), latency:percentile(99.9), latency.max,
        e.status, e.connect, e.read, e.write, e.timeout))
end
EOF
}

# run_wrk NAME URL HEADER: warm-up, then the measured run; sets METADATA_<NAME> to "rps p50 p90 p99 p999 max errors"
run_wrk() {
    local name=$1 url=$2 header=$3 out="$WORK/wrk-$1.txt" line
    log "metadata through $name: ${WARMUP}s warm-up, then ${DURATION}s measured"
    timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 5s -H "$header" "$url" >/dev/null
    timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
        -s "$WORK/summary.lua" -H "$header" "$url" >"$out"
    line=$(grep '^RESULT ' "$out") || die "no wrk summary for $name"
    LOADS+=("$name: $(load_average)")
    printf -v "METADATA_$name" '%s' "$(awk '{
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        errors = v["non2xx"] + v["connect"] + v["read"] + v["write"] + v["timeout"]
        printf "%.0f %.3f %.3f %.3f %.3f %.3f %d", v["requests"] * 1e6 / v["duration_us"],
            v["p50"] / 1000, v["p90"] / 1000, v["p99"] / 1000, v["p999"] / 1000, v["max"] / 1000, errors
    }' <<<"$line")"
}

# ---------------------------------------------------------------------------------------------------------
# 1 GiB transfers with curl; the speeds are curl's own (total bytes / total time), checksums are taken after

# download NAME URL HEADER OUTFILE: echoes "http_code bytes seconds" ("000 0 0" when curl failed)
download() {
    local url=$2 header=$3 file=$4
    curl -sS --max-time "$TRANSFER_TIMEOUT" -o "$file" -w '%{http_code} %{size_download} %{time_total}' \
        -H "$header" "$url" 2>>"$WORK/curl-errors.log" || echo " curl-failed"
}

# upload METHOD URL HEADER FILE: echoes "http_code bytes seconds"; the answer lands in $WORK/upload-answer.json.
# "Expect:" turns off curl's 100-continue wait, so no path pays a one-second pause for it.
upload() {
    local method=$1 url=$2 header=$3 file=$4
    curl -sS --max-time "$TRANSFER_TIMEOUT" -X "$method" -T "$file" -o "$WORK/upload-answer.json" \
        -w '%{http_code} %{size_upload} %{time_total}' -H 'Expect:' -H 'Content-Type: application/octet-stream' \
        -H "$header" "$url" 2>>"$WORK/curl-errors.log" || echo " curl-failed"
}

mib_per_s() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", b / s / 1048576; else print "-" }'; }

# the provider's verdict on the most recent upload: "intact=true bytes=N" or what it said
last_upload_verdict() {
    grep '^upload id=' "$WORK/provider.log" | tail -n1 | sed -n 's/.*bytes=\([0-9]*\) intact=\([a-z]*\).*/intact=\2 bytes=\1/p'
}

# transfer NAME: warm-up (a smaller file both ways), then FILE_BYTES down and up; sets TRANSFER_<NAME>
transfer() {
    local name=$1 down_url up_url method header result down up down_check up_check answer count
    case $name in
        direct) down_url="$PROVIDER_URL/download"; up_url="$PROVIDER_URL/upload?id=upload-$name"; method=PUT
            header="apiKey: $API_KEY" ;;
        nginx) down_url="$NGINX_URL/download"; up_url="$NGINX_URL/upload?id=upload-$name"; method=PUT
            header="apiKey: $API_KEY" ;;
        dochooks) down_url="$DOCUMENTS_URL/download"; up_url="$DOCUMENTS_URL/upload?filename=bench.bin&parentId=%2F"
            method=POST; header="Authorization: Bearer $TOKEN" ;;
    esac
    log "transfers through $name: warm-up with $WARM_FILE_BYTES bytes each way"
    download "$name" "$down_url?id=blob-$WARM_FILE_BYTES" "$header" "$WORK/warm.bin" >/dev/null
    upload "$method" "$up_url" "$header" "$WORK/warm.bin" >/dev/null
    rm -f "$WORK/warm.bin"

    log "transfers through $name: $FILE_BYTES bytes down"
    [[ $name == dochooks ]] && start_heap_sampler download
    result=$(download "$name" "$down_url?id=blob-$FILE_BYTES" "$header" "$WORK/$name.bin")
    [[ $name == dochooks ]] && stop_heap_sampler
    read -r code bytes seconds _ <<<"$result"
    if [[ $code == 200 && $bytes == "$FILE_BYTES" ]]; then
        down=$(mib_per_s "$bytes" "$seconds")
        down_check=$(sha256sum "$WORK/$name.bin" | cut -c1-64)
        if [[ $name == direct ]]; then
            REFERENCE_SHA256=$down_check
            down_check="the reference (sha256 ${down_check:0:16}…; the provider checks it on upload)"
        elif [[ $down_check == "$REFERENCE_SHA256" ]]; then
            down_check="sha256 matches"
        else
            down_check="sha256 DIFFERS"
        fi
    else
        down="-"
        down_check="failed: HTTP $code, $bytes bytes"
    fi
    [[ $name == direct ]] || rm -f "$WORK/$name.bin"

    log "transfers through $name: $FILE_BYTES bytes up"
    count=$(grep -c '^upload id=' "$WORK/provider.log" || true)
    [[ $name == dochooks ]] && start_heap_sampler upload
    result=$(upload "$method" "$up_url" "$header" "$WORK/direct.bin")
    [[ $name == dochooks ]] && stop_heap_sampler
    read -r code bytes seconds _ <<<"$result"
    answer=$(head -c 300 "$WORK/upload-answer.json" 2>/dev/null | tr -d '\n' || true)
    if [[ $(grep -c '^upload id=' "$WORK/provider.log" || true) -gt $count ]]; then
        up_check="provider: $(last_upload_verdict)"
    else
        up_check="provider saw no upload"
    fi
    if [[ ($code == 200 || $code == 201) && $bytes == "$FILE_BYTES" && $up_check == "provider: intact=true bytes=$FILE_BYTES" ]]; then
        up=$(mib_per_s "$bytes" "$seconds")
    else
        up="-"
        up_check="failed: HTTP $code, $up_check, answer ${answer:0:120}"
    fi
    LOADS+=("$name transfers: $(load_average)")
    printf -v "TRANSFER_$name" '%s|%s|%s|%s' "$down" "$down_check" "$up" "$up_check"
}

# ---------------------------------------------------------------------------------------------------------
# dochooks' heap during its transfers: jstat every 250 ms (bounded by a sample count)
start_heap_sampler() {
    local samples=$((TRANSFER_TIMEOUT * 4 + 40))
    RSS_BEFORE=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$DOCHOOKS_PID/status" 2>/dev/null || echo "?")
    jstat -gc "$DOCHOOKS_PID" 250 "$samples" >"$WORK/jstat-$1.txt" 2>&1 &
    SAMPLER_PID=$!
    PIDS+=("$SAMPLER_PID")
    SAMPLER_PHASE=$1
    sleep 0.5 # let jstat attach before the transfer starts
}

stop_heap_sampler() {
    local rss_after summary
    sleep 0.5
    stop_pid "$SAMPLER_PID"
    rss_after=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$DOCHOOKS_PID/status" 2>/dev/null || echo "?")
    # used = survivors + eden + old; "old first->last" is what would grow if bytes were kept
    summary=$(awk '
        /S0C/ { for (i = 1; i <= NF; i++) c[$i] = i; next }
        c["OU"] && $c["OU"] ~ /^[0-9.]+$/ {
            used = ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024
            committed = ($c["S0C"] + $c["S1C"] + $c["EC"] + $c["OC"]) / 1024
            old = $c["OU"] / 1024
            if (n == 0) { min = used; first_old = old; first_ygc = $c["YGC"]; first_fgc = $c["FGC"] }
            if (used < min) min = used
            if (used > max) max = used
            if (committed > max_committed) max_committed = committed
            last_old = old; last_ygc = $c["YGC"]; last_fgc = $c["FGC"]; n++
        }
        END {
            if (n == 0) { print "0"; exit }
            printf "%d %.1f %.1f %.1f %.1f %.1f %d %d", n, min, max, max_committed, first_old, last_old,
                last_ygc - first_ygc, last_fgc - first_fgc
        }' "$WORK/jstat-$SAMPLER_PHASE.txt")
    printf -v "HEAP_$SAMPLER_PHASE" '%s %s %s' "$summary" "$RSS_BEFORE" "$rss_after"
}

# ---------------------------------------------------------------------------------------------------------
# reporting
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

machine_line() {
    local cpu java_version
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
    java_version=$(java -version 2>&1 | head -n1)
    printf '%s, nproc %s, %s GiB memory; %s; %s; %s' "$cpu" "$(nproc)" \
        "$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" "$java_version" \
        "$(nginx -v 2>&1 | sed 's/^nginx version: //')" "$(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)"
}

metadata_row() {
    local label=$1 values=$2 rps p50 p90 p99 p999 max errors
    if [[ -z $values ]]; then
        printf '| %s | not measured: routes not yet available | | | | | | |\n' "$label"
        return
    fi
    read -r rps p50 p90 p99 p999 max errors <<<"$values"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p90" "$p99" "$p999" "$max" "$errors"
}

transfer_row() {
    local label=$1 values=$2 down down_check up up_check
    if [[ -z $values ]]; then
        printf '| %s | not measured: routes not yet available | | | |\n' "$label"
        return
    fi
    IFS='|' read -r down down_check up up_check <<<"$values"
    printf '| %s | %s | %s | %s | %s |\n' "$label" "$down" "$down_check" "$up" "$up_check"
}

heap_row() {
    local phase=$1 values=$2 n min max committed first_old last_old ygc fgc rss_before rss_after
    if [[ -z $values ]]; then
        printf '| %s | not measured | | | | | |\n' "$phase"
        return
    fi
    read -r n min max committed first_old last_old ygc fgc rss_before rss_after <<<"$values"
    if [[ $n == 0 ]]; then
        printf '| %s | no jstat samples (see the run log) | | | | | |\n' "$phase"
        return
    fi
    printf '| %s | %s | %s – %s | %s | %s → %s | %s / %s | %s → %s |\n' "$phase" "$n" "$min" "$max" "$committed" \
        "$first_old" "$last_old" "$ygc" "$fgc" "$rss_before" "$rss_after"
}

# goal verdicts: "yes" / "no" with the numbers, or "not measured"
verdicts() {
    local d n h
    if [[ -z ${METADATA_dochooks:-} ]]; then
        echo "| dochooks ≥ nginx throughput on metadata | not measured | – |"
        echo "| ≤ 0.5 ms added at p50 over direct | not measured | – |"
    else
        read -r d _ <<<"$METADATA_dochooks"
        read -r n _ <<<"$METADATA_nginx"
        echo "| dochooks ≥ nginx throughput on metadata | $d vs $n requests/s | $(awk -v a="$d" -v b="$n" 'BEGIN { print (a >= b) ? "yes" : "no" }') |"
        read -r _ d _ <<<"$METADATA_dochooks"
        read -r _ h _ <<<"$METADATA_direct"
        echo "| ≤ 0.5 ms added at p50 over direct | $(awk -v a="$d" -v b="$h" 'BEGIN { printf "%+.3f ms (%s vs %s)", a - b, a, b }') | $(awk -v a="$d" -v b="$h" 'BEGIN { print (a - b <= 0.5) ? "yes" : "no" }') |"
    fi
    if [[ -z ${TRANSFER_dochooks:-} ]]; then
        echo "| 1 GiB download at or above nginx's rate | not measured | – |"
        echo "| 1 GiB upload at or above nginx's rate | not measured | – |"
        echo "| dochooks' heap flat during the transfers | not measured | – |"
        return
    fi
    local dd nd du nu
    IFS='|' read -r dd _ du _ <<<"$TRANSFER_dochooks"
    IFS='|' read -r nd _ nu _ <<<"$TRANSFER_nginx"
    echo "| 1 GiB download at or above nginx's rate | $dd vs $nd MiB/s | $(at_least "$dd" "$nd") |"
    echo "| 1 GiB upload at or above nginx's rate | $du vs $nu MiB/s | $(at_least "$du" "$nu") |"
    echo "| dochooks' heap flat during the transfers | $(heap_verdict) |"
}

at_least() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9.]+$/) print "no (failed)"; else print (a + 0 >= b + 0) ? "yes" : "no" }'; }

# flat: the process lived, old generation grew by at most 4 MiB in each phase, no full GC
heap_verdict() {
    local phase var values n first_old last_old fgc growth flat=yes text=""
    for phase in download upload; do
        var="HEAP_$phase"
        values=${!var:-}
        read -r n _ _ _ first_old last_old _ fgc _ <<<"$values"
        if [[ -z $values || $n == 0 ]]; then
            flat="not measured"
            continue
        fi
        growth=$(awk -v a="$first_old" -v b="$last_old" 'BEGIN { printf "%.1f", b - a }')
        text+="$phase: old gen ${growth} MiB, ${fgc} full GCs; "
        if awk -v g="$growth" -v f="$fgc" 'BEGIN { exit !(g > 4 || f > 0) }'; then flat=no; fi
    done
    alive "$DOCHOOKS_PID" || { flat=no; text+="dochooks died; "; }
    echo "${text}alive after: $(alive "$DOCHOOKS_PID" && echo yes || echo no) | $flat"
}

report() {
    cat <<EOF
# Benchmarks

## The provider path (issue 3, point 7)

One run of \`bash bench/run.sh\`: the same provider (\`bench/provider/BenchProvider.java\`) reached **direct**, through
**nginx** \`proxy_pass\` (the yardstick: keepalive to the provider, buffering off both ways) and through **dochooks**
(\`-Xmx$HEAP\`, ApiKey integration, \`GET /api/v1/integrations/{id}/documents/metadata\`, \`.../download\`,
\`POST .../upload\`). Everything on 127.0.0.1; load generator, proxies and provider share the machine's cores.

- Date: $RUN_DATE
- Machine: $(machine_line)
- Load average (1/5/15 min; the machine is shared with other builds): before the run $LOAD_BEFORE; $(
    for entry in "${LOADS[@]}"; do printf 'after %s; ' "$entry"; done)at the end $(load_average)

### metadata (small JSON)

wrk, $THREADS threads, $CONNECTIONS connections, ${DURATION} s measured after a ${WARMUP} s warm-up, the same for all three.
Latencies in milliseconds; errors = non-2xx answers plus socket errors.

| path | requests/s | p50 | p90 | p99 | p99.9 | max | errors |
|---|---|---|---|---|---|---|---|
$(metadata_row direct "${METADATA_direct:-}")
$(metadata_row "nginx proxy_pass" "${METADATA_nginx:-}")
$(metadata_row dochooks "${METADATA_dochooks:-}")

### $(awk -v b="$FILE_BYTES" 'BEGIN { if (b == 1073741824) print "1 GiB"; else print b " bytes" }') download and upload

curl, one transfer at a time, after a warm-up transfer of $WARM_FILE_BYTES bytes each way; MiB/s = bytes / curl's total
time. Downloads are checked by SHA-256 against the direct download; uploads by the provider, which compares every
byte with the generated content and the count with Content-Length.

| path | download MiB/s | download check | upload MiB/s | upload check |
|---|---|---|---|---|
$(transfer_row direct "${TRANSFER_direct:-}")
$(transfer_row "nginx proxy_pass" "${TRANSFER_nginx:-}")
$(transfer_row dochooks "${TRANSFER_dochooks:-}")

### dochooks' memory during its transfers (\`-Xmx$HEAP\`)

jstat -gc every 250 ms; heap used = survivors + eden + old generation, in MiB; RSS of the whole process in MiB.

| transfer | samples | heap used min – max | heap committed max | old gen first → last | young / full GCs | RSS before → after |
|---|---|---|---|---|---|---|
$(heap_row download "${HEAP_download:-}")
$(heap_row upload "${HEAP_upload:-}")

### Goals

| goal | measured | met |
|---|---|---|
$(verdicts)

## How to repeat

\`\`\`bash
bash bench/run.sh
\`\`\`

From the repository root, as root or with \`nginx\` and \`wrk\` installed (the script installs Debian's
\`nginx-light\` and \`wrk\` with apt-get when they are missing, and builds \`bootstrap/target/dochooks.jar\` when it is
missing). It needs about 3 GiB free in its temporary directory (\`/dev/shm\` when there is room) and takes about
four minutes. It only ever talks to 127.0.0.1, bounds every wait, and stops every process it started. Environment
knobs for quick trials (\`BENCH_DURATION\`, \`BENCH_FILE_BYTES\`, \`BENCH_HEAP\`, ...) are listed at the top of
\`bench/run.sh\`; the numbers above use the defaults. The results (this file) are rewritten by each run.
EOF
}

# ---------------------------------------------------------------------------------------------------------
main() {
    RUN_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
    LOAD_BEFORE=$(load_average)
    LOADS=()
    check_tools

    local base="${TMPDIR:-/tmp}"
    if [[ -d /dev/shm && -w /dev/shm ]] && (($(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > 4 * 1048576)); then
        base=/dev/shm
    fi
    WORK=$(mktemp -d "$base/dochooks-bench.XXXXXX")
    write_wrk_script

    start_provider
    start_nginx
    start_dochooks
    register_integration
    probe_dochooks_routes

    run_wrk direct "$PROVIDER_URL/metadata?id=$METADATA_ID" "apiKey: $API_KEY"
    run_wrk nginx "$NGINX_URL/metadata?id=$METADATA_ID" "apiKey: $API_KEY"
    if [[ $DOCHOOKS_ROUTES == yes ]]; then
        run_wrk dochooks "$DOCUMENTS_URL/metadata?id=$METADATA_ID" "Authorization: Bearer $TOKEN"
    fi

    transfer direct
    [[ -n $REFERENCE_SHA256 ]] || die "the direct download failed: ${TRANSFER_direct}"
    transfer nginx
    if [[ $DOCHOOKS_ROUTES == yes ]]; then
        transfer dochooks
    fi

    local text
    text=$(report)
    printf '%s\n' "$text"
    if [[ $RESULTS_FILE != "-" ]]; then
        mkdir -p "$(dirname "$RESULTS_FILE")"
        printf '%s\n' "$text" >"$RESULTS_FILE"
        log "results written to $RESULTS_FILE"
    fi
}

REFERENCE_SHA256=""
main "$@"
