#!/usr/bin/python3
"""A small JET application: watches the device's interface (IFD) events and raises an alert on
its own topic when a link goes down, and another when it comes back up.

It subscribes as the JET client library does by default (/junos/events/kernel/interfaces/ifd/+/#),
remembers each interface's flags, and when the DOWN bit (0x1) appears or clears publishes at QoS 1 on
app/link-monitor/alerts:

    {"interface": "ge-0/0/1", "state": "down", "snmp-id": 527, "hostname": "vmx1",
     "time": "2026-01-01T00:00:00Z"}

(hostname and time are the event's: the device's name and when the link went down).

Applications may publish on topics of their own, outside /junos/ (which belongs to the device).

Usage: link_monitor.py HOST PORT CLIENT-ID

Prints "subscribed" each time the broker acknowledges the subscription, and one line per alert
("alert ge-0/0/1 down"). Waits for the broker when it is not listening yet, reconnects when the
connection drops, disconnects cleanly and exits 0 on SIGTERM. Works with paho-mqtt 1.6 (Debian
bookworm's python3-paho-mqtt) and 2.x.
"""
import json
import signal
import sys

import paho.mqtt.client as mqtt

IFD_EVENTS = "/junos/events/kernel/interfaces/ifd/+/#"
ALERTS = "app/link-monitor/alerts"
DOWN = 0x1  # the IFD flags bit for "link down"; a healthy interface reports 8 (present)

host, port, client_id = sys.argv[1], int(sys.argv[2]), sys.argv[3]
link_down = {}  # interface name -> True while its link is down
stopping = False


# The callbacks take an optional "properties" argument, so one signature serves paho-mqtt 1.6
# (rc and granted QoS as integers) and 2.x's callback API version 2 (reason codes, properties).
def on_connect(client, userdata, flags, reason_code, properties=None):
    if reason_code != 0:
        print(f"connection refused: {reason_code}", file=sys.stderr, flush=True)
        return
    client.subscribe(IFD_EVENTS, qos=0)  # again after every reconnection: the session is clean


def on_subscribe(client, userdata, mid, granted, properties=None):
    if any(getattr(code, "is_failure", code == 0x80) for code in granted):
        print(f"subscription to {IFD_EVENTS} refused", file=sys.stderr, flush=True)
    else:
        print("subscribed", flush=True)


def on_disconnect(client, userdata, *reason):  # 1.6: (rc); 2.x: (flags, reason code, properties)
    if not stopping:
        print("connection lost; reconnecting", file=sys.stderr, flush=True)


def on_message(client, userdata, message):
    try:
        event = json.loads(message.payload)["jet-event"]
        name, flags = event["attributes"]["name"], event["attributes"]["flags"]
    except (ValueError, KeyError, TypeError) as error:
        print(f"ignored a message on {message.topic}: {error!r}", file=sys.stderr, flush=True)
        return
    if event["event-id"] == "KERNEL_EVENT_IFD_DELETE":
        link_down.pop(name, None)
        return
    was_down, is_down = link_down.get(name, False), bool(flags & DOWN)
    link_down[name] = is_down
    if is_down != was_down:
        state = "down" if is_down else "up"
        alert = {"interface": name, "state": state, "snmp-id": event["attributes"].get("snmp-id"),
                 "hostname": event.get("hostname"), "time": event.get("time")}
        client.publish(ALERTS, json.dumps(alert), qos=1)
        print(f"alert {name} {state}", flush=True)


def stop(signum, frame):
    global stopping
    stopping = True
    client.disconnect()


# paho-mqtt 2.x asks which callback signatures the application uses; 1.6 knows only its own.
api = (mqtt.CallbackAPIVersion.VERSION2,) if hasattr(mqtt, "CallbackAPIVersion") else ()
client = mqtt.Client(*api, client_id=client_id, clean_session=True, protocol=mqtt.MQTTv311)
client.on_connect = on_connect
client.on_subscribe = on_subscribe
client.on_disconnect = on_disconnect
client.on_message = on_message
client.reconnect_delay_set(min_delay=1, max_delay=5)
signal.signal(signal.SIGTERM, stop)

client.connect_async(host, port, keepalive=60)
client.loop_forever(retry_first_connection=True)  # returns after disconnect()
