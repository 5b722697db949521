package dev.jetemu.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.jetemu.app.config.ConfigFiles.rule;
import static dev.jetemu.app.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The YAML form and the set-command form are two spellings of one configuration. */
class ConfigFormsTest {

    @TempDir
    Path dir;

    @Test
    void theSameSettingsLoadToEqualConfigurations() {
        EmulatorConfig fromYaml = ConfigLoader.load(write(dir, "vmx1.yaml", """
                device:
                  hostname: vmx1
                notification:
                  port: 1883
                  allow-clients: [10.0.0.0/8, 192.0.2.1, "2001:db8::/32"]
                  max-connections: 20
                  broker-socket-send-buffer-size: 131072
                """));
        EmulatorConfig fromSet = ConfigLoader.load(write(dir, "vmx1.set", """
                set system host-name vmx1
                set system services extension-service notification port 1883
                set system services extension-service notification allow-clients address [ 10.0.0.0/8 192.0.2.1 ]
                set system services extension-service notification allow-clients address 2001:db8::/32
                set system services extension-service notification max-connections 20
                set system services extension-service notification broker-socket-send-buffer-size 131072
                """));

        assertThat(fromSet).isEqualTo(fromYaml);
        assertThat(fromYaml.allowClients())
                .contains(List.of(rule("10.0.0.0/8"), rule("192.0.2.1"), rule("2001:db8::/32")));
        assertThat(fromYaml.maxConnections()).hasValue(20);
    }

    @Test
    void bothFormsRefuseTheSameNumbersWithTheSameWords() {
        Path yaml = write(dir, "c.yaml", "notification:\n  max-connections: 70000\n");
        Path set = write(dir, "c.set", "set system services extension-service notification max-connections 70000\n");

        String yamlMessage = ConfigFiles.errors(yaml).get(0).substring(yaml.toString().length());
        String setMessage = ConfigFiles.errors(set).get(0).substring(set.toString().length());

        assertThat(yamlMessage).isEqualTo(":2:20: max-connections 70000 is out of range;"
                + " expected a whole number from 1 to 65535");
        assertThat(setMessage).isEqualTo(":1:68: max-connections 70000 is out of range;"
                + " expected a whole number from 1 to 65535");
    }

    @Test
    void noConfigurationIsNotTheSameAsAnEmptyAllowList() {
        assertThat(EmulatorConfig.none().allowClients()).isEmpty();
        assertThat(EmulatorConfig.none().users()).isEmpty();
        assertThat(EmulatorConfig.none().notes()).isEmpty();
    }
}
