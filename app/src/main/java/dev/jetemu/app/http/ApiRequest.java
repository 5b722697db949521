package dev.jetemu.app.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request to the control API, read off Netty's: method, path, query parameters and body text. */
record ApiRequest(HttpMethod method, String path, Map<String, List<String>> parameters, String body) {

    static ApiRequest of(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        return new ApiRequest(request.method(), uri.path(), uri.parameters(),
                request.content().toString(StandardCharsets.UTF_8));
    }

    Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
