package dev.jetemu.diagnostics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsOneDiagnosticAtTheStartOfTheFile() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> TextFiles.read(missing, "configuration file", "a readable YAML file"))
                .isInstanceOf(UserInputException.class)
                .hasMessage(missing + ":1:1: cannot read configuration file: no such file; expected a readable YAML file");
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThatThrownBy(() -> TextFiles.read(dir, "scenario file", "a YAML file"))
                .hasMessage(dir + ":1:1: cannot read scenario file: it is a directory; expected a YAML file");
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> TextFiles.read(latin1, "YAML file", "a UTF-8 file"))
                .hasMessage(latin1 + ":1:1: cannot read YAML file: it is not UTF-8 text; expected a UTF-8 file");
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        Path withBom = dir.resolve("bom.yaml");
        Files.writeString(withBom, "\uFEFFport: 1\n");

        assertThat(TextFiles.read(withBom, "YAML file", "a YAML file")).isEqualTo("port: 1\n");
    }
}
