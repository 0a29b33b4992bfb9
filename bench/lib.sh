# Process and port helpers shared by the benchmark scripts (sourced, not run). The script that sources it
# defines log and die, and keeps every process it starts in PIDS and its scratch directory in WORK.

# running, neither gone nor a zombie (one read of its state, so a process that exits meanwhile is not "alive")
alive() {
    local state
    state=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true)
    [[ -n $state && $state != Z ]]
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
            log "process $pid ($(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-80 || true)) did not stop within 30 s, killing it"
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

# every process started, newest first, then what a killed dochooks left behind, then the scratch directory
stop_everything_started() {
    local i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        stop_pid "${PIDS[i]}"
    done
    if [[ -n $WORK ]]; then
        stop_leftover_postgres
        rm -rf "$WORK"
    fi
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

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
