package dev.jetemu.app.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a scrape holds before anything happened: every jetemu_* metric, at 0, and the JVM's. */
class JetemuMetricsTest {

    @Test
    void everyMetricAndEveryReasonIsThereFromTheStartAtZero() {
        try (JetemuMetrics metrics = JetemuMetrics.create()) {
            Scrape scrape = new Scrape(metrics.scrape());

            for (String gauge : List.of("jetemu_connections", "jetemu_subscriptions")) {
                assertThat(scrape.value(gauge)).as(gauge).isZero();
            }
            for (String counter : List.of("jetemu_connections_opened_total", "jetemu_messages_delivered_total",
                    "jetemu_messages_duplicated_total", "jetemu_slow_subscribers_disconnected_total",
                    "jetemu_scenario_steps_total", "jetemu_scenario_failures_total")) {
                assertThat(scrape.value(counter)).as(counter).isZero();
            }
            for (String reason : List.of("allow-clients", "max-connections", "credentials", "topic-rule")) {
                assertThat(scrape.value("jetemu_refusals_total", "reason", reason)).isZero();
            }
            for (String kind : List.of("malformed-packet", "packet-too-large", "packet-before-connect",
                    "second-connect", "connect-timeout", "connect-rejected")) {
                assertThat(scrape.value("jetemu_protocol_violations_total", "kind", kind)).as(kind).isZero();
            }
            for (String reason : List.of("slow-subscriber", "fault")) {
                assertThat(scrape.value("jetemu_messages_dropped_total", "reason", reason)).isZero();
            }
            for (String result : List.of("passed", "failed")) {
                assertThat(scrape.value("jetemu_scenarios_total", "result", result)).isZero();
            }
            for (EventTopic topic : EventTopic.all()) {
                assertThat(scrape.value("jetemu_events_published_total", "type", topic.type(),
                        "operation", topic.operation())).isZero();
            }
            assertThat(scrape.value("jetemu_delivery_latency_seconds_count")).isZero();
            assertThat(scrape.value("jetemu_delivery_latency_seconds_bucket", "le", "+Inf")).isZero();
            assertThat(scrape.text()).contains("# TYPE jetemu_delivery_latency_seconds histogram");
            for (String quantile : List.of("0.5", "0.99")) {
                assertThat(scrape.value("jetemu_delivery_latency_percentile_seconds", "quantile", quantile))
                        .as("no delivery yet").isNaN();
            }
        }
    }

    @Test
    void theJvmsMetricsAreThere() {
        try (JetemuMetrics metrics = JetemuMetrics.create()) {
            Scrape scrape = new Scrape(metrics.scrape());

            assertThat(scrape.sum("jvm_memory_used_bytes")).isPositive();
            assertThat(scrape.value("jvm_threads_live_threads")).isPositive();
            assertThat(scrape.value("jvm_classes_loaded_classes")).isPositive();
            assertThat(scrape.value("system_cpu_count")).isPositive();
            assertThat(scrape.value("process_uptime_seconds")).isPositive();
            assertThat(scrape.has("jvm_gc_memory_allocated_bytes_total")).isTrue();
        }
    }

    @Test
    void theContentTypeIsThePrometheusTextFormatTheScrapeIsWrittenIn() {
        try (JetemuMetrics metrics = JetemuMetrics.create()) {
            assertThat(metrics.contentType()).isEqualTo(PrometheusTextFormatWriter.CONTENT_TYPE);
            // The registry's own default format is the same one.
            String defaultScrape = ((PrometheusMeterRegistry) metrics.registry()).scrape();
            assertThat(new Scrape(defaultScrape).value("jetemu_connections")).isZero();
            assertThat(metrics.scrape()).startsWith("# HELP ");
        }
    }
}
