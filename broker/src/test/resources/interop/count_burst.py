#!/usr/bin/python3
"""Subscribes with Debian's paho-mqtt (QoS 0, clean session) and counts a burst whose payloads
start with a six-digit sequence number. Prints "subscribed", then "received N in order" once N
messages arrived in sequence, or the first gap; exits 0 only when all N arrived in order.

Usage: count_burst.py HOST PORT TOPIC_FILTER N
"""
import os
import sys
import threading

import paho.mqtt.client as mqtt

host, port, topic_filter, expected = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
state = {"next": 0, "problem": None}


def on_connect(client, userdata, flags, rc):
    client.subscribe(topic_filter, 0)


def on_subscribe(client, userdata, mid, granted_qos):
    print("subscribed", flush=True)


def on_message(client, userdata, message):
    sequence = int(message.payload[:6])
    if sequence != state["next"] and state["problem"] is None:
        state["problem"] = f"expected {state['next']} but got {sequence}"
    state["next"] += 1
    if state["next"] == expected:
        if state["problem"]:
            print(state["problem"], flush=True)
            os._exit(1)
        print(f"received {expected} in order", flush=True)
        os._exit(0)


def give_up():
    print(f"timeout after {state['next']} messages; {state['problem']}", flush=True)
    os._exit(4)


threading.Timer(120, give_up).start()
client = mqtt.Client(client_id="burst-counter", clean_session=True, protocol=mqtt.MQTTv311)
client.on_connect = on_connect
client.on_subscribe = on_subscribe
client.on_message = on_message
client.connect(host, port, keepalive=60)
client.loop_forever()
