package dev.jetemu.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "set system host-name vmx1\n",
            "\n\n   set system host-name vmx1\n",
            "# pasted from the lab router\nset system host-name vmx1\n",
            "/* last changed by lab */\nset system host-name vmx1\n",
            "## Last commit: 2024-05-01 10:00:00 UTC by lab\nset version 21.4R1.12\n",
            "{master}\nset system host-name vmx1\n",
            "[edit]\nset system host-name vmx1\n",
            "deactivate interfaces ge-0/0/1\n",
            "delete system host-name\n",
            "annotate system \"lab router\"\n",
            "set\tsystem host-name vmx1\n"})
    void junosCommandsAreTheSetForm(String content) {
        assertThat(ConfigFormat.detect(content)).isEqualTo(ConfigFormat.SET_COMMANDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "# nothing yet\n",
            "device:\n  hostname: vmx1\n",
            "# set system host-name vmx1\nnotification:\n  port: 1883\n",
            "settings: 1\n",
            "set: 1\n",
            "set\n",
            "{device: {hostname: vmx1}}\n"})
    void everythingElseIsYaml(String content) {
        assertThat(ConfigFormat.detect(content)).isEqualTo(ConfigFormat.YAML);
    }

    @Test
    void onlyTheFirstMeaningfulLineDecides() {
        assertThat(ConfigFormat.detect("notification:\n  port: 1883\nset system host-name vmx1\n"))
                .isEqualTo(ConfigFormat.YAML);
    }
}
