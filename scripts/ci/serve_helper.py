"""Starts `policyc serve` on a free loopback port for the scripts that test it, and stops it."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`with Server(policyc, ["--policies", "policies"]) as url:` serves until the block ends."""

    def __init__(self, policyc, args=(), log=None):
        self.policyc, self.args, self.log = policyc, list(args), log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        out = open(self.log, "w") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [self.policyc, "serve", "--port", str(self.port), *self.args], stdout=out, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"policyc serve exited with status {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as r:
                    if json.load(r).get("status") == "ok":
                        return self.url
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("policyc serve did not come up within 60 s")

    def __exit__(self, *exc):
        # SIGTERM: graceful shutdown; the exit status must be 0.
        self.process.send_signal(signal.SIGTERM)
        status = self.process.wait(timeout=30)
        if status != 0 and exc[0] is None:
            raise RuntimeError(f"policyc serve exited with status {status} after SIGTERM")
        return False
