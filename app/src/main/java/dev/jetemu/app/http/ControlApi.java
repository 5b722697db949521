package dev.jetemu.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jetemu.app.live.BundledScenarios;
import dev.jetemu.app.live.Busy;
import dev.jetemu.app.live.LiveDevice;
import dev.jetemu.app.publish.EmbeddedBroker;
import dev.jetemu.broker.NotificationBroker;
import dev.jetemu.broker.clients.ClientSubscriptions;
import dev.jetemu.broker.flow.Waiting;
import dev.jetemu.diagnostics.Diagnostic;
import dev.jetemu.diagnostics.UserInputException;
import dev.jetemu.sim.run.ScenarioClock;
import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.scenario.Scenario;
import dev.jetemu.sim.scenario.ScenarioLoader;
import dev.jetemu.sim.scenario.ScenarioValidator;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What each endpoint of the control API answers, apart from HTTP's plumbing (see the README's
 * "Control API" for the contract). The POST endpoints block while the device changes: the server
 * calls them off its event loop.
 */
public final class ControlApi {

    /** What {@code /metrics} serves: Prometheus text and its content type. */
    public interface Metrics {
        String scrape();

        String contentType();

        /** Metrics whose page {@code scrape} makes afresh for each request, served as {@code contentType}. */
        static Metrics of(Supplier<String> scrape, String contentType) {
            return new Metrics() {
                @Override
                public String scrape() {
                    return scrape.get();
                }

                @Override
                public String contentType() {
                    return contentType;
                }
            };
        }
    }

    /** Where diagnostics about a request body say the mistake is. */
    static final String REQUEST = "request";
    private static final Set<String> SCENARIO_PARAMETERS = Set.of("name", "virtualTime", "speed", "startTime",
            "awaitSubscribers");

    private final EmbeddedBroker broker;
    private final LiveDevice device;
    private final BundledScenarios library;
    private final Metrics metrics;
    private final Supplier<Integer> httpPort;

    public ControlApi(EmbeddedBroker broker, LiveDevice device, BundledScenarios library, Metrics metrics,
                      Supplier<Integer> httpPort) {
        this.broker = broker;
        this.device = device;
        this.library = library;
        this.metrics = metrics;
        this.httpPort = httpPort;
    }

    HttpReply health() {
        Optional<NotificationBroker> running = broker.running();
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (running.isEmpty()) {
            return Json.reply(HttpResponseStatus.SERVICE_UNAVAILABLE, body.put("status", "broker-down"));
        }
        body.put("status", "ready").put("mqttPort", running.get().port()).put("httpPort", httpPort.get())
                .put("hostname", device.state().hostname());
        return Json.ok(body);
    }

    HttpReply metrics() {
        return HttpReply.text(HttpResponseStatus.OK, metrics.contentType(), metrics.scrape());
    }

    HttpReply clients() {
        List<Map<String, Object>> clients = new ArrayList<>();
        Optional<NotificationBroker> running = broker.running();
        if (running.isPresent()) {
            for (ClientSubscriptions client : running.get().subscriptions().snapshot()) {
                Waiting waiting = running.get().backlogs().waiting(client.clientId()).orElse(new Waiting(0, 0, 0));
                clients.add(Map.of(
                        "clientId", client.clientId(),
                        "address", client.address().getAddress().getHostAddress() + ":" + client.address().getPort(),
                        "subscriptions", client.subscriptions(),
                        "queuedMessages", waiting.messages(),
                        "queuedBytes", waiting.bytes()));
            }
        }
        clients.sort((a, b) -> ((String) a.get("clientId")).compareTo((String) b.get("clientId")));
        // Persistent sessions of clients that are away: what each will be sent when it comes back.
        List<Map<String, Object>> away = new ArrayList<>();
        running.ifPresent(broker -> broker.backlogs().queuedForDisconnected().forEach((clientId, queued) ->
                away.add(Map.of("clientId", clientId, "queuedMessages", queued))));
        return Json.ok(Map.of("clients", clients, "disconnected", away));
    }

    HttpReply device() {
        return Json.ok(device.state());
    }

    HttpReply bundledScenarios() {
        return Json.ok(Map.of("scenarios", library.entries()));
    }

    HttpReply applySteps(ApiRequest request) throws InterruptedException {
        Scenario steps;
        try {
            steps = ScenarioLoader.parseSteps(REQUEST, request.body());
        } catch (UserInputException e) {
            return invalid(e);
        }
        try {
            ScenarioResult result = device.apply(steps);
            if (result.failure().isPresent()) {
                return Json.reply(HttpResponseStatus.BAD_REQUEST, Json.MAPPER.createObjectNode()
                        .put("error", result.failure().get().toString())
                        .put("eventsPublished", result.eventsPublished()));
            }
            return Json.ok(Map.of("applied", steps.steps().size(), "eventsPublished", result.eventsPublished()));
        } catch (Busy e) {
            return Json.error(HttpResponseStatus.CONFLICT, e.getMessage());
        }
    }

    HttpReply runScenario(ApiRequest request) throws InterruptedException {
        Optional<String> unknown = request.parameters().keySet().stream()
                .filter(parameter -> !SCENARIO_PARAMETERS.contains(parameter)).findFirst();
        if (unknown.isPresent()) {
            return Json.error(HttpResponseStatus.BAD_REQUEST, "unknown parameter '" + unknown.get()
                    + "'; expected name, virtualTime, speed, startTime or awaitSubscribers");
        }
        Optional<ScenarioClock> clock;
        try {
            clock = Optional.of(clock(request));
        } catch (IllegalArgumentException e) {
            return Json.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
        Scenario scenario;
        try {
            Optional<String> name = request.parameter("name");
            if (name.isPresent()) {
                Optional<Scenario> bundled = library.load(name.get());
                if (bundled.isEmpty()) {
                    return Json.error(HttpResponseStatus.NOT_FOUND, library.unknown(name.get()));
                }
                scenario = bundled.get();
            } else if (request.body().isBlank()) {
                return Json.error(HttpResponseStatus.BAD_REQUEST, "no scenario: the body is empty and there is no "
                        + "?name=; expected a scenario file as the body, or ?name= and a bundled scenario's name");
            } else {
                scenario = ScenarioLoader.parse(REQUEST, request.body());
                ScenarioValidator.check(scenario);
            }
        } catch (UserInputException e) {
            return invalid(e);
        }
        Optional<String> await = request.parameter("awaitSubscribers");
        if (await.isPresent() && !await.get().equals("true") && !await.get().equals("false")) {
            return Json.error(HttpResponseStatus.BAD_REQUEST, "awaitSubscribers '" + await.get()
                    + "'; expected true or false");
        }
        try {
            ScenarioResult result = device.run(scenario, clock.get(), !await.orElse("true").equals("false"));
            ObjectNode body = Json.MAPPER.createObjectNode()
                    .put("name", result.name())
                    .put("passed", result.passed())
                    .put("eventsPublished", result.eventsPublished())
                    .put("wallTimeMs", result.wallTime().toMillis());
            if (result.failure().isPresent()) {
                body.put("failure", result.failure().get().toString());
            } else {
                body.putNull("failure");
            }
            return Json.ok(body);
        } catch (Busy e) {
            return Json.error(HttpResponseStatus.CONFLICT, e.getMessage());
        }
    }

    private static ScenarioClock clock(ApiRequest request) {
        Instant start = request.parameter("startTime").map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("startTime '" + text + "' is not a time; expected an ISO-8601 "
                        + "instant such as 2026-01-01T00:00:00Z");
            }
        }).orElseGet(Instant::now);
        Optional<String> virtual = request.parameter("virtualTime");
        if (virtual.isPresent() && !virtual.get().equals("true") && !virtual.get().equals("false")) {
            throw new IllegalArgumentException("virtualTime '" + virtual.get() + "'; expected true or false");
        }
        if (virtual.orElse("false").equals("true")) {
            if (request.parameter("speed").isPresent()) {
                throw new IllegalArgumentException("speed and virtualTime=true together; expected one of them");
            }
            return ScenarioClock.virtual(start);
        }
        double speed = request.parameter("speed").map(text -> {
            try {
                double value = Double.parseDouble(text);
                if (value > 0 && !Double.isInfinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new IllegalArgumentException("speed '" + text + "'; expected a number above 0, such as 10 or 0.5");
        }).orElse(1.0);
        return ScenarioClock.realTime(start, speed);
    }

    private static HttpReply invalid(UserInputException e) {
        List<String> diagnostics = e.diagnostics().stream().map(Diagnostic::toString).toList();
        return Json.error(HttpResponseStatus.BAD_REQUEST, String.join("\n", diagnostics), diagnostics);
    }
}
