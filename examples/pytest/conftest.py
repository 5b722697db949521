"""A pytest fixture that runs jetemu for a test: `jetemu serve` on free ports, waited for until it
prints "Ready.", driven through its HTTP control API, stopped when the test ends.

Copy this file beside your tests. It finds jetemu through $JETEMU_JAR (the built jar) or, failing
that, the repository's ./jetemu launcher two folders up; set JETEMU_JAR in CI.
"""
import json
import os
import re
import signal
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

READY = "Ready."
MQTT_PORT = re.compile(r"listening on: +port (\d+)")
HTTP_PORT = re.compile(r"control API: +http://[^:]+:(\d+)/")


class Jetemu:
    """A running emulator: its ports, and its control API as Python calls."""

    def __init__(self, process, mqtt_port, http_port):
        self.process = process
        self.mqtt_port = mqtt_port
        self.http_port = http_port
        self.host = "127.0.0.1"

    def request(self, method, path, body=None):
        """Calls the control API; returns (status, parsed JSON body)."""
        data = body.encode() if isinstance(body, str) else body
        request = urllib.request.Request(f"http://{self.host}:{self.http_port}{path}", data=data, method=method)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def apply(self, steps_yaml):
        """Applies scenario steps to the live device; fails the test on a refused step."""
        status, body = self.request("POST", "/api/steps", steps_yaml)
        assert status == 200, body["error"]
        return body

    def run_scenario(self, name, virtual_time=True):
        """Runs a bundled scenario by name and returns its report."""
        query = f"name={name}&awaitSubscribers=false" + ("&virtualTime=true" if virtual_time else "")
        status, body = self.request("POST", f"/api/scenarios?{query}")
        assert status == 200, body.get("error")
        return body

    def device(self):
        return self.request("GET", "/api/device")[1]

    def clients(self):
        return self.request("GET", "/api/clients")[1]["clients"]


def _command():
    jar = os.environ.get("JETEMU_JAR")
    if jar:
        return ["java", "-jar", jar]
    return [str(Path(__file__).resolve().parents[2] / "jetemu")]


@pytest.fixture
def jetemu():
    """A fresh emulator for one test, on free ports, loopback clients only."""
    process = subprocess.Popen(_command() + ["serve", "--port", "0", "--http-port", "0", "--hostname", "pytest-vmx"],
                               stdout=subprocess.PIPE, text=True)
    mqtt_port = http_port = None
    try:
        for line in process.stdout:
            mqtt_port = mqtt_port or _port(MQTT_PORT, line)
            http_port = http_port or _port(HTTP_PORT, line)
            if line.strip() == READY:
                break
        else:
            raise RuntimeError(f"jetemu exited with {process.wait()} before it was ready")
        yield Jetemu(process, mqtt_port, http_port)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        process.stdout.close()


def _port(pattern, line):
    match = pattern.search(line)
    return int(match.group(1)) if match else None
