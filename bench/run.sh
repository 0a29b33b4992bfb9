#!/usr/bin/env bash
# The provider-path benchmark (issue 3, point 7): one run, on loopback only, measuring the same provider
# (bench/provider/BenchProvider.java) reached three ways with the same load generators:
#   direct    straight to the provider
#   nginx     nginx proxy_pass in front of it (the yardstick)
#   dochooks  through dochooks' document routes, the server's heap capped (BENCH_HEAP, default 64m)
# Small JSON (metadata) with wrk, then a 1 GiB download and upload with curl, checksums compared, dochooks'
# heap sampled with jstat during its transfers; each measurement in a few rounds, the paths in rotating order
# (the machine may be shared). Results go to standard output and to docs/benchmarks.md.
#
#   bash bench/run.sh
#
# Knobs (environment, for quick trials; the documented results use the defaults): BENCH_ROUNDS (3), BENCH_THREADS (2),
# BENCH_CONNECTIONS (32), BENCH_DURATION (15 s), BENCH_WARMUP (5 s), BENCH_FILE_BYTES (1 GiB),
# BENCH_WARM_FILE_BYTES (128 MiB), BENCH_HEAP (64m), BENCH_TRANSFER_TIMEOUT (300 s), BENCH_NGINX_BUFFER (64k),
# BENCH_RESULTS_FILE (docs/benchmarks.md; "-" for standard output only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/bootstrap/target/dochooks.jar"
PROVIDER_SOURCE="$ROOT/bench/provider/BenchProvider.java"
RESULTS_FILE="${BENCH_RESULTS_FILE:-$ROOT/docs/benchmarks.md}"

ROUNDS="${BENCH_ROUNDS:-3}"
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
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

# ---------------------------------------------------------------------------------------------------------
# processes: every one this script starts is recorded and stopped by the EXIT trap, newest first
PIDS=()
WORK=""
POLICY_RC_CREATED=""

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_everything_started
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
    if ! command -v nginx >/dev/null 2>&1 || ! command -v wrk >/dev/null 2>&1; then
        die "nginx or wrk still missing"
    fi
}

check_tools() {
    local tool
    for tool in java jstat curl ss awk sha256sum od; do
        command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
    done
    PATH="$PATH:/usr/sbin"
    install_packages
    # built when missing, and rebuilt when a main source or pom is newer (never benchmark stale code)
    if [[ ! -f $JAR || -n $(find "$ROOT" -path "$ROOT/bench" -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
        -newer "$JAR" -print -quit) ]]; then
        command -v mvn >/dev/null 2>&1 || die "$JAR is missing or stale and mvn is not installed"
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
    nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/console.log" 2>&1 &
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
        grep -q "^Admin token: " "$WORK/dochooks.err" && break
        sleep 0.2
    done
    TOKEN=$(sed -n "s/^Admin token: //p" "$WORK/dochooks.err" | tail -n1 | tr -d "[:space:]" || true)
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


# the URLs and credentials of one path: sets T_METADATA, T_DOWNLOAD, T_UPLOAD, T_METHOD, T_HEADER
target() {
    case $1 in
        direct | nginx)
            local base=$PROVIDER_URL
            [[ $1 == nginx ]] && base=$NGINX_URL
            T_METADATA="$base/metadata?id=$METADATA_ID"
            T_DOWNLOAD="$base/download"
            T_UPLOAD="$base/upload?id=upload-$1"
            T_METHOD=PUT
            T_HEADER="apiKey: $API_KEY" ;;
        dochooks)
            T_METADATA="$DOCUMENTS_URL/metadata?id=$METADATA_ID"
            T_DOWNLOAD="$DOCUMENTS_URL/download"
            T_UPLOAD="$DOCUMENTS_URL/upload?filename=bench.bin&parentId=%2F"
            T_METHOD=POST
            T_HEADER="Authorization: Bearer $TOKEN" ;;
    esac
}

# the paths in round R's order: rotated each round, so that no path always runs first or last
paths_for_round() {
    local round=$1 i n=${#PATHS[@]}
    for ((i = 0; i < n; i++)); do
        printf '%s ' "${PATHS[(i + round - 1) % n]}"
    done
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

# one measured wrk run of NAME in round R: appends "rps p50 p90 p99 p999 max errors" (ms) to metadata-NAME.txt
measure_metadata() {
    local name=$1 round=$2 out="$WORK/wrk-$1-$2.txt" line
    target "$name"
    log "metadata, round $round/$ROUNDS: $name, ${DURATION}s"
    timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
        -s "$WORK/summary.lua" -H "$T_HEADER" "$T_METADATA" >"$out"
    line=$(grep '^RESULT ' "$out") || die "no wrk summary for $name"
    awk '{
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        errors = v["non2xx"] + v["connect"] + v["read"] + v["write"] + v["timeout"]
        printf "%.0f %.3f %.3f %.3f %.3f %.3f %d\n", v["requests"] * 1e6 / v["duration_us"],
            v["p50"] / 1000, v["p90"] / 1000, v["p99"] / 1000, v["p999"] / 1000, v["max"] / 1000, errors
    }' <<<"$line" >>"$WORK/metadata-$name.txt"
}

metadata_benchmark() {
    local name round
    for name in "${PATHS[@]}"; do
        target "$name"
        log "metadata warm-up: $name, ${WARMUP}s"
        timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 5s \
            -H "$T_HEADER" "$T_METADATA" >/dev/null
    done
    for ((round = 1; round <= ROUNDS; round++)); do
        for name in $(paths_for_round "$round"); do
            measure_metadata "$name" "$round"
        done
    done
    LOADS+=("the metadata runs: $(load_average)")
}

# ---------------------------------------------------------------------------------------------------------
# big transfers with curl, one at a time; speeds are curl's (bytes / total time), checksums are taken after.
# "Expect:" turns off curl's 100-continue wait on uploads, so that no path pays a pause for it.

# curl_download URL HEADER FILE: echoes "http_code bytes seconds"
curl_download() {
    curl -sS --max-time "$TRANSFER_TIMEOUT" -o "$3" -w '%{http_code} %{size_download} %{time_total}' \
        -H "$2" "$1" 2>>"$WORK/curl-errors.log" || true
}

# curl_upload METHOD URL HEADER FILE: echoes "http_code bytes seconds"; the answer goes to upload-answer.json
curl_upload() {
    curl -sS --max-time "$TRANSFER_TIMEOUT" -X "$1" -T "$4" -o "$WORK/upload-answer.json" \
        -w '%{http_code} %{size_upload} %{time_total}' -H 'Expect:' -H 'Content-Type: application/octet-stream' \
        -H "$3" "$2" 2>>"$WORK/curl-errors.log" || true
}

mib_per_s() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", b / s / 1048576; else print "-" }'; }

upload_count() { grep -c '^upload id=' "$WORK/provider.log" || true; }

# the provider's verdict on its latest upload, "intact=true bytes=N" when all is well
last_upload_verdict() {
    grep '^upload id=' "$WORK/provider.log" | tail -n1 | sed -n 's/.*bytes=\([0-9]*\) intact=\([a-z]*\).*/intact=\2 bytes=\1/p'
}

# the reference file: downloaded straight from the provider, then uploaded back to it, which checks every byte
prepare_reference() {
    local result code bytes before
    log "reference: $FILE_BYTES bytes straight from the provider, checked by uploading them back"
    target direct
    result=$(curl_download "$T_DOWNLOAD?id=blob-$FILE_BYTES" "$T_HEADER" "$WORK/reference.bin")
    read -r code bytes _ <<<"$result"
    [[ $code == 200 && $bytes == "$FILE_BYTES" ]] || die "the reference download failed: $result"
    before=$(upload_count)
    curl_upload PUT "$PROVIDER_URL/upload?id=reference" "$T_HEADER" "$WORK/reference.bin" >/dev/null
    [[ $(upload_count) -gt $before && $(last_upload_verdict) == "intact=true bytes=$FILE_BYTES" ]] ||
        die "the provider does not recognise its own content: $(last_upload_verdict)"
    REFERENCE_SHA256=$(sha256sum "$WORK/reference.bin" | cut -c1-64)
}

# one download and one upload of NAME in round R: appends "down_mibs up_mibs problem" to transfer-NAME.txt,
# problem being "-" when both transfers were complete and intact
measure_transfer() {
    local name=$1 round=$2 result code bytes seconds down="-" up="-" problem="" before answer
    target "$name"
    log "transfers, round $round/$ROUNDS: $name, $FILE_BYTES bytes down"
    [[ $name != dochooks ]] || start_heap_sampler "download-$round"
    result=$(curl_download "$T_DOWNLOAD?id=blob-$FILE_BYTES" "$T_HEADER" "$WORK/download.bin")
    [[ $name != dochooks ]] || stop_heap_sampler
    read -r code bytes seconds _ <<<"$result"
    if [[ $code != 200 || $bytes != "$FILE_BYTES" ]]; then
        problem+="download: HTTP $code, $bytes bytes; "
    elif [[ $(sha256sum "$WORK/download.bin" | cut -c1-64) != "$REFERENCE_SHA256" ]]; then
        problem+="download: sha256 differs; "
    else
        down=$(mib_per_s "$bytes" "$seconds")
    fi
    rm -f "$WORK/download.bin"

    log "transfers, round $round/$ROUNDS: $name, $FILE_BYTES bytes up"
    before=$(upload_count)
    [[ $name != dochooks ]] || start_heap_sampler "upload-$round"
    result=$(curl_upload "$T_METHOD" "$T_UPLOAD" "$T_HEADER" "$WORK/reference.bin")
    [[ $name != dochooks ]] || stop_heap_sampler
    read -r code bytes seconds _ <<<"$result"
    answer=$(head -c 200 "$WORK/upload-answer.json" 2>/dev/null | tr -d '\n|' || true)
    if [[ $code != 200 && $code != 201 ]] || [[ $bytes != "$FILE_BYTES" ]]; then
        problem+="upload: HTTP $code, $bytes bytes sent, answer $answer; "
    elif [[ $(upload_count) -le $before ]]; then
        problem+="upload: the provider saw none; "
    elif [[ $(last_upload_verdict) != "intact=true bytes=$FILE_BYTES" ]]; then
        problem+="upload: provider says $(last_upload_verdict); "
    else
        up=$(mib_per_s "$bytes" "$seconds")
    fi
    printf '%s %s %s\n' "$down" "$up" "${problem:--}" >>"$WORK/transfer-$name.txt"
}

transfer_benchmark() {
    local name round
    prepare_reference
    for name in "${PATHS[@]}"; do
        target "$name"
        log "transfer warm-up: $name, $WARM_FILE_BYTES bytes each way"
        curl_download "$T_DOWNLOAD?id=blob-$WARM_FILE_BYTES" "$T_HEADER" "$WORK/warm.bin" >/dev/null
        head -c "$WARM_FILE_BYTES" "$WORK/reference.bin" >"$WORK/warm.bin"
        curl_upload "$T_METHOD" "$T_UPLOAD" "$T_HEADER" "$WORK/warm.bin" >/dev/null
        rm -f "$WORK/warm.bin"
    done
    for ((round = 1; round <= ROUNDS; round++)); do
        for name in $(paths_for_round "$round"); do
            measure_transfer "$name" "$round"
        done
    done
    LOADS+=("the transfers: $(load_average)")
}

# ---------------------------------------------------------------------------------------------------------
# dochooks' memory during each of its transfers: jstat -gc every 250 ms (bounded by a sample count), RSS around
start_heap_sampler() {
    local samples=$((TRANSFER_TIMEOUT * 4 + 40))
    SAMPLER_FILE="$WORK/jstat-$1.txt"
    awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$DOCHOOKS_PID/status" >"$SAMPLER_FILE.rss" 2>/dev/null || true
    jstat -gc "$DOCHOOKS_PID" 250 "$samples" >"$SAMPLER_FILE" 2>&1 &
    SAMPLER_PID=$!
    PIDS+=("$SAMPLER_PID")
    sleep 0.5 # let jstat attach before the transfer starts
}

stop_heap_sampler() {
    sleep 0.5
    stop_pid "$SAMPLER_PID"
    awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$DOCHOOKS_PID/status" >>"$SAMPLER_FILE.rss" 2>/dev/null || true
}

# heap summary of one direction over all rounds, from the jstat files in round order:
# "samples used_min used_max committed_max old_first old_last young_gcs full_gcs rss_first rss_last rss_max" (MiB)
heap_summary() {
    local direction=$1 files=() rss=() round
    for ((round = 1; round <= ROUNDS; round++)); do
        [[ -f $WORK/jstat-$direction-$round.txt ]] && files+=("$WORK/jstat-$direction-$round.txt")
        [[ -f $WORK/jstat-$direction-$round.txt.rss ]] && rss+=("$WORK/jstat-$direction-$round.txt.rss")
    done
    ((${#files[@]} > 0)) || return 0
    awk -v rssfiles="${rss[*]}" '
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
            k = split(rssfiles, files, " ")
            for (f = 1; f <= k; f++) while ((getline line < files[f]) > 0) {
                if (m == 0) rss_first = line
                rss_last = line; if (line + 0 > rss_max) rss_max = line + 0; m++
            }
            printf "%d %.1f %.1f %.1f %.1f %.1f %d %d %s %s %s\n", n, min, max, max_committed, first_old, last_old,
                last_ygc - first_ygc, last_fgc - first_fgc, rss_first, rss_last, rss_max
        }' "${files[@]}"
}

# ---------------------------------------------------------------------------------------------------------
# reporting

machine_line() {
    local cpu
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
    printf '%s, nproc %s, %s GiB memory; %s; %s; %s' "$cpu" "$(nproc)" \
        "$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" "$(java -version 2>&1 | head -n1)" \
        "$(nginx -v 2>&1 | sed 's/^nginx version: //')" "$(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)"
}

# median of column COL of FILE (numbers only; "-" when none), printed with FORMAT (default: 3 decimals)
median() {
    [[ -s $1 ]] || { echo "-"; return 0; }
    awk -v col="$2" '$col ~ /^[0-9.]+$/ { print $col }' "$1" | sort -g | awk -v fmt="${3:-%.3f}" '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "-"; exit }
            printf fmt "\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        }'
}

# column COL of FILE, round by round, comma-separated
each_round() { awk -v col="$2" '{ printf "%s%s", (NR > 1 ? ", " : ""), $col }' "$1" 2>/dev/null; }

metadata_row() {
    local label=$1 file="$WORK/metadata-$2.txt" col out=""
    if [[ ! -s $file ]]; then
        printf '| %s | not measured: routes not yet available | | | | | | | |\n' "$label"
        return
    fi
    out=" $(median "$file" 1 %.0f) |"
    for col in 2 3 4 5 6; do
        out+=" $(median "$file" "$col") |"
    done
    printf '| %s |%s %s | %s |\n' "$label" "$out" "$(awk '{ s += $7 } END { print s }' "$file")" "$(each_round "$file" 1)"
}

transfer_row() {
    local label=$1 file="$WORK/transfer-$2.txt" problems
    if [[ ! -s $file ]]; then
        printf '| %s | not measured: routes not yet available | | | | |\n' "$label"
        return
    fi
    problems=$(awk '$3 != "-" { sub(/^[^ ]+ [^ ]+ /, ""); printf "round %d: %s ", NR, $0 }' "$file")
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$(median "$file" 1 %.0f)" "$(each_round "$file" 1)" \
        "$(median "$file" 2 %.0f)" "$(each_round "$file" 2)" "${problems:-all complete and intact}"
}

heap_row() {
    local direction=$1 n min max committed first_old last_old ygc fgc rss_first rss_last rss_max
    read -r n min max committed first_old last_old ygc fgc rss_first rss_last rss_max <<<"$(heap_summary "$direction")"
    if [[ -z ${n:-} || $n == 0 ]]; then
        printf '| %s | not measured | | | | | |\n' "$direction"
        return
    fi
    printf '| %s | %s | %s – %s | %s | %s → %s | %s / %s | %s → %s (max %s) |\n' "$direction" "$n" "$min" "$max" \
        "$committed" "$first_old" "$last_old" "$ygc" "$fgc" "$rss_first" "$rss_last" "$rss_max"
}

yes_no() { awk -v ok="$1" 'BEGIN { print ok ? "yes" : "no" }'; }

# the goals of the issue, each with the medians it compares and a verdict
verdicts() {
    local d n dp hp dd nd du nu
    if [[ ! -s $WORK/metadata-dochooks.txt ]]; then
        echo "| dochooks ≥ nginx throughput on metadata | not measured | – |"
        echo "| ≤ 0.5 ms added at p50 over direct | not measured | – |"
    else
        d=$(median "$WORK/metadata-dochooks.txt" 1 %.0f)
        n=$(median "$WORK/metadata-nginx.txt" 1 %.0f)
        dp=$(median "$WORK/metadata-dochooks.txt" 2)
        hp=$(median "$WORK/metadata-direct.txt" 2)
        echo "| dochooks ≥ nginx throughput on metadata | $d vs $n requests/s | $(yes_no "$(awk -v a="$d" -v b="$n" 'BEGIN { print (a >= b) }')") |"
        echo "| ≤ 0.5 ms added at p50 over direct | $(awk -v a="$dp" -v b="$hp" 'BEGIN { printf "%+.3f ms (%s vs %s)", a - b, a, b }') | $(yes_no "$(awk -v a="$dp" -v b="$hp" 'BEGIN { print (a - b <= 0.5) }')") |"
    fi
    if [[ ! -s $WORK/transfer-dochooks.txt ]]; then
        echo "| $FILE_LABEL download at or above nginx's rate | not measured | – |"
        echo "| $FILE_LABEL upload at or above nginx's rate | not measured | – |"
        echo "| dochooks' heap flat during the transfers | not measured | – |"
        return
    fi
    dd=$(median "$WORK/transfer-dochooks.txt" 1 %.0f)
    nd=$(median "$WORK/transfer-nginx.txt" 1 %.0f)
    du=$(median "$WORK/transfer-dochooks.txt" 2 %.0f)
    nu=$(median "$WORK/transfer-nginx.txt" 2 %.0f)
    echo "| $FILE_LABEL download at or above nginx's rate | $dd vs $nd MiB/s | $(at_least "$dd" "$nd" "$WORK/transfer-dochooks.txt") |"
    echo "| $FILE_LABEL upload at or above nginx's rate | $du vs $nu MiB/s | $(at_least "$du" "$nu" "$WORK/transfer-dochooks.txt") |"
    echo "| dochooks' heap flat during the transfers | $(heap_verdict) |"
}

# A >= B, and every dochooks transfer complete and intact
at_least() {
    if awk '$3 != "-" { bad = 1 } END { exit !bad }' "$3"; then
        echo "no (failed transfers)"
        return
    fi
    yes_no "$(awk -v a="$1" -v b="$2" 'BEGIN { print ((a ~ /^[0-9.]+$/) && (a + 0 >= b + 0)) }')"
}

# flat: dochooks still alive, old generation grew by at most 4 MiB over each direction's transfers, no full GC
heap_verdict() {
    local direction n first_old last_old fgc growth flat=yes text=""
    for direction in download upload; do
        read -r n _ _ _ first_old last_old _ fgc _ <<<"$(heap_summary "$direction")"
        if [[ -z ${n:-} || $n == 0 ]]; then
            flat="not measured"
            continue
        fi
        growth=$(awk -v a="$first_old" -v b="$last_old" 'BEGIN { printf "%+.1f", b - a }')
        text+="$direction: old gen $growth MiB, $fgc full GCs; "
        if awk -v g="$growth" -v f="$fgc" 'BEGIN { exit !(g > 4 || f > 0) }'; then flat=no; fi
    done
    if alive "$DOCHOOKS_PID"; then text+="alive after them"; else text+="dochooks DIED"; flat=no; fi
    echo "$text | $flat"
}

report() {
    local entry loads=""
    for entry in "${LOADS[@]}"; do loads+="after $entry; "; done
    cat <<EOF
# Benchmarks

## The provider path (issue 3, point 7)

One run of \`bash bench/run.sh\`: the same provider (\`bench/provider/BenchProvider.java\`) reached **direct**, through
**nginx** \`proxy_pass\` (the yardstick: keepalive to the provider, buffering off both ways, $NGINX_BUFFER relay buffers) and
through **dochooks** (\`-Xmx$HEAP\`, an ApiKey integration: \`GET /api/v1/integrations/{id}/documents/metadata\`,
\`.../download\`, \`POST .../upload\`). Everything on 127.0.0.1; the load generator, nginx or dochooks and the provider
share the machine's cores. Each measurement is repeated in $ROUNDS rounds, the paths in a rotating order; the tables
give the median and each round's value.

- Date: $RUN_DATE
- Machine: $(machine_line)
- Load average (1/5/15 min; the machine is shared with other builds): before the run $LOAD_BEFORE; ${loads}at the end $(load_average)

### metadata (small JSON)

wrk, $THREADS threads, $CONNECTIONS connections, ${DURATION} s per round after one ${WARMUP} s warm-up per path, the same for
all three. Latencies in milliseconds (medians over the rounds); errors = non-2xx answers plus socket errors, all rounds.

| path | requests/s | p50 | p90 | p99 | p99.9 | max | errors | requests/s each round |
|---|---|---|---|---|---|---|---|---|
$(metadata_row direct direct)
$(metadata_row "nginx proxy_pass" nginx)
$(metadata_row dochooks dochooks)

### $FILE_LABEL download and upload

curl, one transfer at a time, after one warm-up transfer of $WARM_FILE_BYTES bytes each way per path; MiB/s = bytes /
curl's total time. Every download is compared by SHA-256 with a reference downloaded straight from the provider; every
upload is checked by the provider, which compares each byte with the content it generates and the count with
Content-Length.

| path | download MiB/s | each round | upload MiB/s | each round | checks |
|---|---|---|---|---|---|
$(transfer_row direct direct)
$(transfer_row "nginx proxy_pass" nginx)
$(transfer_row dochooks dochooks)

### dochooks' memory during its transfers (\`-Xmx$HEAP\`)

\`jstat -gc\` every 250 ms during each dochooks transfer, all rounds together; heap used = survivors + eden + old
generation; GC counts from the first to the last sample; RSS of the whole process before and after each transfer.
All in MiB.

| transfers | samples | heap used min – max | heap committed max | old gen first → last | young / full GCs | RSS first → last |
|---|---|---|---|---|---|---|
$(heap_row download)
$(heap_row upload)

### Goals

| goal | measured (medians) | met |
|---|---|---|
$(verdicts)

## How to repeat

\`\`\`bash
bash bench/run.sh
\`\`\`

From the repository root, as root or with \`nginx\` and \`wrk\` installed (the script installs Debian's
\`nginx-light\` and \`wrk\` with apt-get when they are missing, and builds \`bootstrap/target/dochooks.jar\` when it is
missing or older than the sources). It needs about 3 GiB free in its temporary directory (\`/dev/shm\` when there is room) and takes about six
minutes. It only talks to 127.0.0.1, bounds every wait, and stops every process it started. Environment knobs for
quick trials (\`BENCH_ROUNDS\`, \`BENCH_DURATION\`, \`BENCH_FILE_BYTES\`, \`BENCH_HEAP\`, ...) are listed at the top of
\`bench/run.sh\`; the numbers above use the defaults. Each run rewrites this file above the notes.
EOF
}

# ---------------------------------------------------------------------------------------------------------
main() {
    RUN_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
    LOAD_BEFORE=$(load_average)
    LOADS=()
    FILE_LABEL=$(awk -v b="$FILE_BYTES" 'BEGIN { if (b == 1073741824) print "1 GiB"; else print b " bytes" }')
    check_tools

    local base="${TMPDIR:-/tmp}"
    if [[ -d /dev/shm && -w /dev/shm ]] && (($(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > 3 * FILE_BYTES / 1024)); then
        base=/dev/shm
    fi
    WORK=$(mktemp -d "$base/dochooks-bench.XXXXXX")
    write_wrk_script

    start_provider
    start_nginx
    start_dochooks
    register_integration
    probe_dochooks_routes
    PATHS=(direct nginx)
    [[ $DOCHOOKS_ROUTES == no ]] || PATHS+=(dochooks)

    metadata_benchmark
    transfer_benchmark

    local text
    text=$(report)
    printf '%s\n' "$text"
    if [[ $RESULTS_FILE != "-" ]]; then
        mkdir -p "$(dirname "$RESULTS_FILE")"
        # hand-written notes below the marker survive the rewrite
        local notes=""
        if [[ -f $RESULTS_FILE ]] && grep -qF "$NOTES_MARKER" "$RESULTS_FILE"; then
            notes=$(awk -v marker="$NOTES_MARKER" 'index($0, marker) { on = 1 } on' "$RESULTS_FILE")
        fi
        printf '%s\n' "$text" >"$RESULTS_FILE"
        if [[ -n $notes ]]; then
            printf '\n%s\n' "$notes" >>"$RESULTS_FILE"
        fi
        log "results written to $RESULTS_FILE"
    fi
}

REFERENCE_SHA256=""
NOTES_MARKER="<!-- notes below are kept by bench/run.sh -->"
main "$@"
