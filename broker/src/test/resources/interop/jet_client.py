#!/usr/bin/python3
"""Connects the way a JET application's notification session does: paho-mqtt, MQTT 3.1.1,
clean session, QoS 0, from a chosen source address (the JET client's bind_address).

Usage: jet_client.py HOST PORT BIND_ADDRESS TOPIC_FILTER
Prints one line per event, flushed: "connack RC", "subscribed", "message TOPIC PAYLOAD".
Exits 0 after the first message, 5 when the CONNACK refused, 4 when nothing happened in 20 s.
"""
import os
import sys
import threading

import paho.mqtt.client as mqtt

host, port, bind_address, topic_filter = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
exit_code = [4]


def on_connect(client, userdata, flags, rc):
    print(f"connack {rc}", flush=True)
    if rc == 0:
        client.subscribe(topic_filter, 0)
    else:
        exit_code[0] = 5
        client.disconnect()


def on_subscribe(client, userdata, mid, granted_qos):
    print("subscribed", flush=True)


def on_message(client, userdata, message):
    print(f"message {message.topic} {message.payload.decode()}", flush=True)
    exit_code[0] = 0
    client.disconnect()


def give_up():
    print("timeout", flush=True)
    os._exit(4)


threading.Timer(20, give_up).start()
client = mqtt.Client(client_id="", clean_session=True, protocol=mqtt.MQTTv311)
client.on_connect = on_connect
client.on_subscribe = on_subscribe
client.on_message = on_message
client.connect(host, port, keepalive=60, bind_address=bind_address)
client.loop_forever()
os._exit(exit_code[0])
