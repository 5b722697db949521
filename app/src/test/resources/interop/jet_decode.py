#!/usr/bin/python3
"""Receives jet-events the way the JET client does: paho-mqtt, and a raw JSON decode of each
payload that must consume the whole payload (the client logs an error when anything follows
the document). Prints "subscribed", then one line per message: "ok TOPIC EVENT-ID" or
"bad TOPIC REASON"; exits 0 after N messages.

Usage: jet_decode.py HOST PORT N
"""
import json
import os
import sys
import threading

import paho.mqtt.client as mqtt

host, port, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
decoder = json.JSONDecoder()
count = [0]


def on_connect(client, userdata, flags, rc):
    client.subscribe("/junos/events/#", 0)


def on_subscribe(client, userdata, mid, granted_qos):
    print("subscribed", flush=True)


def on_message(client, userdata, message):
    text = message.payload.decode("utf-8")
    try:
        document, end = decoder.raw_decode(text)
        if end != len(text):
            print(f"bad {message.topic} {len(text) - end} bytes follow the JSON object", flush=True)
        elif list(document) != ["jet-event"]:
            print(f"bad {message.topic} keys {list(document)}", flush=True)
        else:
            print(f"ok {message.topic} {document['jet-event']['event-id']}", flush=True)
    except ValueError as error:
        print(f"bad {message.topic} {error}", flush=True)
    count[0] += 1
    if count[0] == expected:
        os._exit(0)


threading.Timer(60, lambda: os._exit(4)).start()
client = mqtt.Client(client_id="jet-decoder", clean_session=True, protocol=mqtt.MQTTv311)
client.on_connect = on_connect
client.on_subscribe = on_subscribe
client.on_message = on_message
client.connect(host, port, keepalive=60)
client.loop_forever()
