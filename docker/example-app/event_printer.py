"""An example JET application: prints every event the emulated device publishes.

It connects to the notification broker the way a JET application connects to a device's
(MQTT 3.1.1, port 1883), subscribes to /junos/events/#, and prints one line per event:
"EVENT topic jet-event-id". It reconnects until the broker is there, so it can start before it.

Configured by environment variables: MQTT_HOST (default jetemu, the compose service), MQTT_PORT
(1883), MQTT_TOPIC (/junos/events/#).
"""
import json
import os
import signal
import sys
import time

import paho.mqtt.client as mqtt

HOST = os.environ.get("MQTT_HOST", "jetemu")
PORT = int(os.environ.get("MQTT_PORT", "1883"))
TOPIC = os.environ.get("MQTT_TOPIC", "/junos/events/#")


def on_connect(client, userdata, flags, rc, properties=None):
    if rc != 0:
        # 5 is "not authorized": this container's address is not in the emulator's allow-clients.
        print(f"REFUSED by {HOST}:{PORT}: CONNACK {rc}", flush=True)
        return
    client.subscribe(TOPIC, qos=0)
    print(f"CONNECTED to {HOST}:{PORT}, subscribed to {TOPIC}", flush=True)


def on_message(client, userdata, message):
    try:
        event = json.loads(message.payload)["jet-event"]["event-id"]
    except (ValueError, KeyError, TypeError):
        event = "?"
    print(f"EVENT {message.topic} {event}", flush=True)


def main():
    # As a container's first process, Python would ignore the SIGTERM of `docker stop`.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    # paho-mqtt 2 asks for the callback API version; Debian bookworm's 1.6 has no such argument.
    if hasattr(mqtt, "CallbackAPIVersion"):
        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION1, client_id="example-app")
    else:
        client = mqtt.Client(client_id="example-app")
    client.on_connect = on_connect
    client.on_message = on_message
    client.reconnect_delay_set(min_delay=1, max_delay=5)
    while True:
        try:
            client.connect(HOST, PORT, keepalive=30)
            break
        except OSError as e:
            print(f"waiting for {HOST}:{PORT}: {e}", flush=True)
            time.sleep(1)
    client.loop_forever(retry_first_connection=True)


if __name__ == "__main__":
    sys.exit(main())
