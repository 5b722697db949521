package dev.jetemu.app.http;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;

/** A whole response of the control API: its status, content type and body. */
record HttpReply(HttpResponseStatus status, String contentType, byte[] body) {

    static final String JSON = "application/json";

    static HttpReply text(HttpResponseStatus status, String contentType, String body) {
        return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
