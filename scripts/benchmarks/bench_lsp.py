#!/usr/bin/env python3
"""Benchmark (not a test): time from a change sent to `policyc lsp` to the diagnostics it publishes
for that change, on a copy of the shipped policies. The server's debounce (30 ms) is included.

  python3 scripts/benchmarks/bench_lsp.py [--policyc .build/release/policyc] [--runs 40]

Two edits are timed: one that keeps the policies clean (a comment: the whole pipeline runs,
analysis included; the test cases behind the code lenses run only when lenses are asked for)
and a mistyped source id (an error: the analysis is skipped, as in `policyc check`)."""
import argparse
import json
import os
import pathlib
import queue
import shutil
import statistics
import subprocess
import tempfile
import threading
import time

REPO = pathlib.Path(__file__).resolve().parents[2]


class Server:
    def __init__(self, policyc):
        self.process = subprocess.Popen([policyc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.inbox = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 1

    def _read(self):
        out = self.process.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = out.read(1)
                if not byte:
                    return
                header += byte
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            self.inbox.put(json.loads(out.read(length)))

    def send(self, method, params=None, request=False):
        message = {"jsonrpc": "2.0", "method": method, "params": params or {}}
        if request:
            message["id"] = self.next_id
            self.next_id += 1
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def published(self, uri, version, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            message = self.inbox.get(timeout=max(0.01, deadline - time.monotonic()))
            params = message.get("params") or {}
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri:
                if params.get("version") == version:
                    return params["diagnostics"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--policyc", default=str(REPO / ".build/debug/policyc"))
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        policies = pathlib.Path(tmp) / "policies"
        shutil.copytree(REPO / "policies", policies)
        path = policies / "cities/nanjing.yaml"
        text = path.read_text()
        uri = path.as_uri()
        server = Server(args.policyc)
        server.send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, request=True)
        server.send("initialized")
        server.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        server.published(uri, 1)
        version = 1
        results = {}
        edits = {
            "clean edit (comment; whole pipeline with analysis)": text.replace("# 南京市.", "# 南京市 .", 1),
            "error edit (mistyped source id)": text.replace("NJ-QBK", "NJ-QBX", 1),
        }
        ticks = os.sysconf("SC_CLK_TCK")

        def cpu_ms():
            # utime + stime of the server (Linux /proc): its own CPU time, whatever else runs.
            fields = pathlib.Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) * 1000 / ticks

        cpu = {}
        for name, edited in edits.items():
            times = []
            cpu_start = cpu_ms()
            for i in range(args.runs):
                version += 1
                body = edited if i % 2 == 0 else text
                start = time.perf_counter()
                server.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": body}]})
                server.published(uri, version)
                if i % 2 == 0:
                    times.append((time.perf_counter() - start) * 1000)
            results[name] = times
            cpu[name] = (cpu_ms() - cpu_start) / args.runs
        server.send("shutdown", request=True)
        server.send("exit")
        server.process.wait(timeout=10)
    print(f"policyc lsp, change -> published diagnostics, {args.policyc}, {args.runs // 2} changes each")
    for name, times in results.items():
        times.sort()
        p90 = times[int(len(times) * 0.9) - 1]
        print(
            f"  {name}: median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, min {times[0]:.1f} ms;"
            f" server CPU {cpu[name]:.1f} ms per change (mean of both directions)"
        )
    print(f"  load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
