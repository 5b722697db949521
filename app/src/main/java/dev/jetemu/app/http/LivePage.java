package dev.jetemu.app.http;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The live page at {@code /}: one HTML file with its script, served as it is in the jar. */
final class LivePage {

    private static final String RESOURCE = "live.html";

    private final byte[] html;

    private LivePage(byte[] html) {
        this.html = html;
    }

    static LivePage load() {
        try (InputStream in = LivePage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the live page " + RESOURCE + " is missing from the jar");
            }
            return new LivePage(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpReply reply() {
        return new HttpReply(HttpResponseStatus.OK, "text/html; charset=utf-8", html);
    }
}
