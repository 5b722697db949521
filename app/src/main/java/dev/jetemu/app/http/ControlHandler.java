package dev.jetemu.app.http;

import dev.jetemu.app.live.EventFeed;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Routes the control API's requests: reads answer on the event loop, changes of the device run
 * on the server's worker threads (they wait for sleeps and subscribers), the event stream stays
 * open. Unknown paths get 404, a known path with another method 405 with {@code Allow}.
 */
final class ControlHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);

    /** Each path and the methods it takes. */
    private static final Map<String, List<HttpMethod>> ROUTES = Map.of(
            "/", List.of(HttpMethod.GET, HttpMethod.HEAD),
            "/health", List.of(HttpMethod.GET, HttpMethod.HEAD),
            "/metrics", List.of(HttpMethod.GET),
            "/api/clients", List.of(HttpMethod.GET),
            "/api/device", List.of(HttpMethod.GET),
            "/api/steps", List.of(HttpMethod.POST),
            "/api/scenarios", List.of(HttpMethod.GET, HttpMethod.POST),
            "/api/events", List.of(HttpMethod.GET));

    private final ControlApi api;
    private final EventFeed feed;
    private final LivePage page;
    private final ExecutorService workers;

    ControlHandler(ControlApi api, EventFeed feed, LivePage page, ExecutorService workers) {
        this.api = api;
        this.feed = feed;
        this.page = page;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            reply(ctx, Json.error(HttpResponseStatus.BAD_REQUEST, "not an HTTP request jetemu can read ("
                    + request.decoderResult().cause().getMessage() + "); expected HTTP/1.1"), false, false);
            return;
        }
        ApiRequest call = ApiRequest.of(request);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        List<HttpMethod> methods = ROUTES.get(call.path());
        if (methods == null) {
            reply(ctx, Json.error(HttpResponseStatus.NOT_FOUND, "no endpoint " + call.path() + "; expected one of "
                    + String.join(", ", ROUTES.keySet().stream().sorted().toList())), keepAlive, false);
            return;
        }
        if (!methods.contains(call.method())) {
            FullHttpResponse response = response(Json.error(HttpResponseStatus.METHOD_NOT_ALLOWED, call.method()
                    + " " + call.path() + " is not served; expected " + String.join(" or ",
                    methods.stream().map(HttpMethod::name).toList())), false);
            response.headers().set(HttpHeaderNames.ALLOW, String.join(", ", methods.stream().map(HttpMethod::name).toList()));
            send(ctx, response, keepAlive);
            return;
        }
        boolean head = call.method().equals(HttpMethod.HEAD);
        switch (call.path()) {
            case "/" -> reply(ctx, page.reply(), keepAlive, head);
            case "/health" -> reply(ctx, api.health(), keepAlive, head);
            case "/metrics" -> reply(ctx, api.metrics(), keepAlive, false);
            case "/api/clients" -> reply(ctx, api.clients(), keepAlive, false);
            case "/api/device" -> reply(ctx, api.device(), keepAlive, false);
            case "/api/events" -> EventStream.open(ctx.channel(), feed);
            case "/api/scenarios" -> {
                if (call.method().equals(HttpMethod.GET)) {
                    reply(ctx, api.bundledScenarios(), keepAlive, false);
                } else {
                    offLoop(ctx, keepAlive, () -> api.runScenario(call));
                }
            }
            default -> offLoop(ctx, keepAlive, () -> api.applySteps(call));
        }
    }

    /** A call that blocks: on a worker thread, its reply written when it is done. */
    private void offLoop(ChannelHandlerContext ctx, boolean keepAlive, BlockingCall call) {
        try {
            workers.execute(() -> {
                HttpReply reply;
                try {
                    reply = call.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reply = Json.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "jetemu is stopping");
                } catch (RuntimeException e) {
                    LOG.error("The control API failed on a request", e);
                    reply = Json.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "jetemu failed: " + e);
                }
                reply(ctx, reply, keepAlive, false);
            });
        } catch (RejectedExecutionException stopping) {
            reply(ctx, Json.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "jetemu is stopping"), false, false);
        }
    }

    @FunctionalInterface
    private interface BlockingCall {
        HttpReply run() throws InterruptedException;
    }

    private static void reply(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive, boolean head) {
        send(ctx, response(reply, head), keepAlive);
    }

    private static FullHttpResponse response(HttpReply reply, boolean head) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        return response;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Control API connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
