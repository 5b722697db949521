package dev.jetemu.app.report;

import dev.jetemu.sim.run.ScenarioResult;
import dev.jetemu.sim.run.StepFailure;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A JUnit XML report of a run, as CI systems read it: one testsuite, one testcase per scenario,
 * a failure naming the step, its place and the reason.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static void write(Path file, List<ScenarioResult> results, Instant started) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "jetemu");
            xml.writeAttribute("tests", String.valueOf(results.size()));
            xml.writeAttribute("failures", String.valueOf(results.stream().filter(r -> !r.passed()).count()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("timestamp", started.toString());
            xml.writeAttribute("time", seconds(results.stream().map(ScenarioResult::wallTime)
                    .reduce(Duration.ZERO, Duration::plus)));
            for (ScenarioResult result : results) {
                xml.writeCharacters("\n  ");
                testcase(xml, result);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void testcase(XMLStreamWriter xml, ScenarioResult result) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", result.name());
        xml.writeAttribute("classname", result.file());
        xml.writeAttribute("time", seconds(result.wallTime()));
        if (result.failure().isPresent()) {
            StepFailure failure = result.failure().get();
            xml.writeStartElement("failure");
            xml.writeAttribute("message", failure.keyword() + " at line " + failure.at().line() + ": " + failure.reason());
            xml.writeAttribute("type", failure.keyword());
            xml.writeCharacters(failure.toString());
            xml.writeEndElement();
        }
        xml.writeStartElement("system-out");
        xml.writeCharacters(result.eventsPublished() + " events published");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }
}
