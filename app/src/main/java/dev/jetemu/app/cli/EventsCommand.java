package dev.jetemu.app.cli;

import dev.jetemu.sim.event.EventCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code jetemu events}: the event catalog, so users see what the emulator publishes. */
@Command(name = "events",
        mixinStandardHelpOptions = true,
        description = "Prints the event catalog: every topic template, event id and attribute the emulated "
                + "device publishes, which ids are documented by Juniper and which are inferred, and the "
                + "flag bits.")
public final class EventsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EventCatalog.describe().forEach(out::println);
        out.flush();
        return ExitCode.OK;
    }
}
