# Shared by the serve benchmarks (sourced, not run): a free port, waiting for a server, and a
# process's CPU time.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() {  # URL: until GET URL/healthz answers, 20 s at most
    for _ in $(seq 1 200); do curl -sf "$1/healthz" > /dev/null && return; sleep 0.1; done
    echo "no server at $1" >&2
    return 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # PID: user + system, in 1/100 s
