package dev.jetemu.app.cli;

import dev.jetemu.app.settings.AllowSource;
import dev.jetemu.app.settings.EmulatorSettings;
import dev.jetemu.broker.access.AllowRule;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code JETEMU_*} variables as the options of {@code serve} and {@code run}: named after the
 * options, beaten by the command line, and wrong values reported naming the variable.
 */
class EnvironmentDefaultsTest {

    /** Parses {@code serve} as {@code jetemu} would run it, and resolves its settings without starting anything. */
    private static EmulatorSettings serveSettings(Map<String, String> environment, String... args) {
        CommandLine jetemu = JetemuCommand.commandLine(environment);
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult parsed = jetemu.parseArgs(all);
        CommandLine serve = parsed.subcommand().commandSpec().commandLine();
        BrokerOptions options = (BrokerOptions) serve.getCommandSpec().mixins().get("options").userObject();
        return options.resolve(serve);
    }

    private static List<String> allowed(EmulatorSettings settings) {
        return settings.broker().allowClients().rules().stream().map(AllowRule::toString).toList();
    }

    private static void assertInvalid(CliHarness.Result result, String command, String message) {
        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly("jetemu: " + message,
                "Run 'jetemu " + command + " --help' for usage.");
    }

    @Test
    void everyServeSettingComesFromItsVariable() {
        EmulatorSettings settings = serveSettings(Map.of(
                "JETEMU_PORT", "11883",
                "JETEMU_HTTP_PORT", "18080",
                "JETEMU_HOSTNAME", "vmx-env",
                "JETEMU_ALLOW_CLIENTS", "127.0.0.0/8, ::1,10.0.0.0/8"));

        assertThat(settings.broker().port()).isEqualTo(11883);
        assertThat(settings.httpPort()).isEqualTo(18080);
        assertThat(settings.hostname()).isEqualTo("vmx-env");
        assertThat(allowed(settings)).containsExactly("127.0.0.0/8", "::1", "10.0.0.0/8");
        assertThat(settings.allowSource()).isEqualTo(AllowSource.ENVIRONMENT);
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        EmulatorSettings settings = serveSettings(Map.of(
                        "JETEMU_PORT", "11883",
                        "JETEMU_HOSTNAME", "vmx-env",
                        "JETEMU_ALLOW_CLIENTS", "10.0.0.0/8"),
                "--port", "21883", "--hostname", "vmx-cli", "--allow", "192.0.2.1", "--allow", "198.51.100.0/24");

        assertThat(settings.broker().port()).isEqualTo(21883);
        assertThat(settings.hostname()).isEqualTo("vmx-cli");
        assertThat(allowed(settings)).containsExactly("192.0.2.1", "198.51.100.0/24");
        assertThat(settings.allowSource()).isEqualTo(AllowSource.COMMAND_LINE);
    }

    @Test
    void theEnvironmentWinsOverTheConfigurationFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("jetemu.yaml"), """
                device:
                  hostname: vmx-file
                notification:
                  port: 31883
                  allow-clients: [192.0.2.0/24]
                """);

        EmulatorSettings settings = serveSettings(Map.of(
                "JETEMU_CONFIG", config.toString(),
                "JETEMU_HOSTNAME", "vmx-env"));

        assertThat(settings.hostname()).isEqualTo("vmx-env");
        assertThat(settings.broker().port()).isEqualTo(31883);
        assertThat(allowed(settings)).containsExactly("192.0.2.0/24");
        assertThat(settings.allowSource()).isEqualTo(AllowSource.CONFIGURATION);
    }

    @Test
    void anEmptyVariableIsUnset() {
        EmulatorSettings settings = serveSettings(Map.of("JETEMU_ALLOW_CLIENTS", "", "JETEMU_PORT", ""));

        assertThat(settings.broker().port()).isEqualTo(1883);
        assertThat(settings.allowSource()).isEqualTo(AllowSource.DEFAULT_LOOPBACK);
    }

    @Test
    void aCommaSeparatedAllowWorksOnTheCommandLineToo() {
        EmulatorSettings settings = serveSettings(Map.of(), "--allow", "192.0.2.1,198.51.100.0/24", "--allow", "::1");

        assertThat(allowed(settings)).containsExactly("192.0.2.1", "198.51.100.0/24", "::1");
    }

    @Test
    void aBadPortNamesTheVariable() {
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_PORT", "abc"), "serve"), "serve",
                "JETEMU_PORT=abc: port 'abc' is not a whole number; expected a whole number from 0 to 65535");
    }

    @Test
    void aBadValueOnTheCommandLineNamesTheOptionEvenWhenTheVariableIsSet() {
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_PORT", "abc"), "serve", "--port", "70000"), "serve",
                "--port 70000: port 70000 is out of range; expected a whole number from 0 to 65535");
    }

    @Test
    void aBadHttpPortAllowEntryAndHostnameNameTheirVariables() {
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_HTTP_PORT", "99999"), "serve"), "serve",
                "JETEMU_HTTP_PORT=99999: port 99999 is out of range; expected a whole number from 0 to 65535, or off");
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_ALLOW_CLIENTS", "127.0.0.1,10.0.0.0/33"), "serve"),
                "serve", "JETEMU_ALLOW_CLIENTS=127.0.0.1,10.0.0.0/33: prefix length 33 is longer than the 32 bits of "
                        + "an IPv4 address; expected an IPv4 or IPv6 address, a prefix such as 10.0.0.0/8, or a "
                        + "resolvable host name");
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_HOSTNAME", "my router"), "serve"), "serve",
                "JETEMU_HOSTNAME=my router: host name 'my router' contains a space; expected a Junos host name: "
                        + "letters, digits, hyphens and dots, 1 to 255 characters, no spaces");
    }

    @Test
    void scenariosToRunWhenReadyAreACommaSeparatedList(@org.junit.jupiter.api.io.TempDir Path dir) {
        CliHarness.Result unknown = CliHarness.runWithEnvironment(Map.of("JETEMU_SCENARIO", "interface-flop"), "serve");

        assertThat(unknown.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(unknown.err()).startsWith("jetemu: JETEMU_SCENARIO=interface-flop: ");

        Path first = dir.resolve("first.yaml");
        Path second = dir.resolve("second.yaml");
        CliHarness.Result missing = CliHarness.runWithEnvironment(Map.of("JETEMU_SCENARIO", first + ", " + second),
                "serve");

        assertThat(missing.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(missing.err().lines()).hasSize(2);
        assertThat(missing.err().lines().toList().get(0)).startsWith(first + ":");
        assertThat(missing.err().lines().toList().get(1)).startsWith(second + ":");
    }

    @Test
    void anEmptyEntryInAListIsAMistake() {
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_ALLOW_CLIENTS", "127.0.0.1,,::1"), "serve"),
                "serve", "JETEMU_ALLOW_CLIENTS=127.0.0.1,,::1: expected a comma-separated list without empty entries");
    }

    @Test
    void runsTypedOptionsNameTheirVariables() {
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_QOS", "high"), "run", "x.yaml"), "run",
                "JETEMU_QOS=high: expected a whole number");
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_QOS", "3"), "run", "x.yaml"), "run",
                "JETEMU_QOS=3: expected 0, 1 or 2");
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_SPEED", "fast"), "run", "x.yaml"), "run",
                "JETEMU_SPEED=fast: expected a number");
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_SPEED", "0"), "run", "x.yaml"), "run",
                "JETEMU_SPEED=0: expected a number above 0, such as 10 or 0.5");
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_VIRTUAL_TIME", "yes"), "run", "x.yaml"), "run",
                "JETEMU_VIRTUAL_TIME=yes: expected true or false");
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_BROKER", "localhost:1883"), "run", "x.yaml"),
                "run", "JETEMU_BROKER=localhost:1883: expected tcp://HOST:PORT, such as tcp://127.0.0.1:1883");
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_START_TIME", "yesterday"), "run", "x.yaml"),
                "run", "JETEMU_START_TIME=yesterday: expected an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_REPORT", "out.xml,out.txt"), "run", "x.yaml"),
                "run", "JETEMU_REPORT=out.xml,out.txt: expected a file ending in .xml (JUnit XML) or .json "
                        + "(every published event)");
    }

    @Test
    void exclusiveOptionsCannotBothComeFromTheEnvironment() {
        assertInvalid(CliHarness.runWithEnvironment(Map.of("JETEMU_SPEED", "10", "JETEMU_VIRTUAL_TIME", "true"),
                        "run", "x.yaml"), "run",
                "JETEMU_SPEED and JETEMU_VIRTUAL_TIME are both set; expected one of them, as --speed and "
                        + "--virtual-time exclude each other");
    }

    @Test
    void anExclusiveOptionOnTheCommandLineSilencesItsRivalsVariable() {
        CommandLine jetemu = JetemuCommand.commandLine(Map.of("JETEMU_VIRTUAL_TIME", "true"));
        CommandLine.ParseResult parsed = jetemu.parseArgs("run", "x.yaml", "--speed", "10");
        CommandLine run = parsed.subcommand().commandSpec().commandLine();
        EnvironmentDefaults defaults = (EnvironmentDefaults) run.getDefaultValueProvider();

        assertThat((Boolean) run.getCommandSpec().findOption("--virtual-time").getValue()).isTrue();
        defaults.yieldToCommandLine(parsed);

        assertThat((Boolean) run.getCommandSpec().findOption("--virtual-time").getValue()).isFalse();
        assertThat((Double) run.getCommandSpec().findOption("--speed").getValue()).isEqualTo(10.0);
    }

    @Test
    void otherCommandsIgnoreTheEnvironment() {
        CliHarness.Result result = CliHarness.runWithEnvironment(Map.of("JETEMU_QOS", "high",
                "JETEMU_BROKER", "tcp://127.0.0.1:1883", "JETEMU_OUT", "recording.yaml"), "record");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).startsWith("jetemu: Missing required options: '--broker=tcp://HOST:PORT', "
                + "'--out=FILE.yaml'");
    }

    @Test
    void everyRepeatableOptionSplitsOnCommas() {
        for (String name : JetemuCommand.CONFIGURED_BY_ENVIRONMENT) {
            for (OptionSpec option : options(name)) {
                if (option.isMultiValue()) {
                    assertThat(option.splitRegex()).as(option.longestName()).isEqualTo(",");
                }
            }
        }
    }

    @Test
    void theReadmeListsEveryVariable() throws IOException {
        Set<String> variables = new TreeSet<>();
        for (String name : JetemuCommand.CONFIGURED_BY_ENVIRONMENT) {
            options(name).stream().map(EnvironmentDefaults::variable).forEach(variables::add);
        }
        String readme = Files.readString(Path.of("../README.md"));
        String docker = readme.substring(readme.indexOf("\n## Docker"));
        Set<String> documented = new TreeSet<>();
        Matcher rows = Pattern.compile("(?m)^\\| `(JETEMU_[A-Z_]+)`").matcher(docker);
        while (rows.find()) {
            documented.add(rows.group(1));
        }

        assertThat(documented).containsAll(variables);
    }

    private static List<OptionSpec> options(String command) {
        CommandLine commandLine = JetemuCommand.commandLine(Map.of()).getSubcommands().get(command);
        return commandLine.getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .toList();
    }

    @Test
    void variablesAreTheOptionsNames() {
        assertThat(options("serve").stream().map(EnvironmentDefaults::variable))
                .contains("JETEMU_CONFIG", "JETEMU_PORT", "JETEMU_ALLOW_CLIENTS", "JETEMU_HOSTNAME", "JETEMU_HTTP_PORT",
                        "JETEMU_SCENARIO");
        assertThat(options("run").stream().map(EnvironmentDefaults::variable))
                .contains("JETEMU_SPEED", "JETEMU_VIRTUAL_TIME", "JETEMU_START_TIME", "JETEMU_QOS", "JETEMU_BROKER",
                        "JETEMU_REPORT", "JETEMU_KEEP_RUNNING");
        assertThatThrownBy(() -> serveSettings(Map.of("JETEMU_PORT", "abc")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageStartingWith("JETEMU_PORT=abc: ");
    }
}
