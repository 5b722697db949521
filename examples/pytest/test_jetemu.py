"""Tests of a JET application's view of the device, written with the jetemu fixture: what a
subscriber sees when the test changes the device through the control API."""
import json
import queue
import time

import paho.mqtt.client as mqtt


def subscriber(jetemu, topic_filter):
    """A paho subscriber on the emulator; returns (client, queue of (topic, parsed payload))."""
    received = queue.Queue()
    subscribed = queue.Queue()
    try:  # paho-mqtt 2.x wants the callback API version; 1.6 (Debian bookworm) has no such argument
        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION1, client_id="pytest-app")
    except AttributeError:
        client = mqtt.Client(client_id="pytest-app")
    client.on_message = lambda c, u, message: received.put((message.topic, json.loads(message.payload)))
    client.on_subscribe = lambda c, u, mid, granted: subscribed.put(mid)
    client.connect(jetemu.host, jetemu.mqtt_port)
    client.loop_start()
    client.subscribe(topic_filter)
    subscribed.get(timeout=10)
    return client, received


def test_an_interface_brought_down_through_the_api_reaches_a_subscriber(jetemu):
    client, received = subscriber(jetemu, "/junos/events/kernel/interfaces/ifd/#")
    try:
        jetemu.apply("- ifd-add: { name: ge-0/0/4, snmp-id: 540 }\n- interface-down: ge-0/0/4\n")

        topic, added = received.get(timeout=10)
        assert topic == "/junos/events/kernel/interfaces/ifd/add/ge-0/0/4"
        topic, changed = received.get(timeout=10)
        assert topic == "/junos/events/kernel/interfaces/ifd/change/ge-0/0/4"
        event = changed["jet-event"]
        assert event["event-id"] == "KERNEL_EVENT_IFD_CHANGE"
        assert event["hostname"] == "pytest-vmx"
        assert event["attributes"]["flags"] & 0x1, "the DOWN bit is set"
        interface = next(i for i in jetemu.device()["interfaces"] if i["name"] == "ge-0/0/4")
        assert interface["linkUp"] is False
    finally:
        client.loop_stop()
        client.disconnect()


def test_the_emulator_lists_the_application_and_its_subscription(jetemu):
    client, _ = subscriber(jetemu, "/junos/events/syslog/#")
    try:
        deadline = time.monotonic() + 10
        while not jetemu.clients() and time.monotonic() < deadline:
            time.sleep(0.05)
        [app] = jetemu.clients()
        assert app["clientId"] == "pytest-app"
        assert [s["filter"] for s in app["subscriptions"]] == ["/junos/events/syslog/#"]
    finally:
        client.loop_stop()
        client.disconnect()


def test_a_bundled_scenario_runs_and_a_mistake_is_reported_with_its_place(jetemu):
    report = jetemu.run_scenario("interface-flap")
    assert report["passed"], report["failure"]
    assert report["eventsPublished"] == 12

    status, body = jetemu.request("POST", "/api/steps", "- interface-dwon: ge-0/0/1\n")
    assert status == 400
    assert body["error"].startswith("request:1:3: unknown step 'interface-dwon' (did you mean 'interface-down'?)")
