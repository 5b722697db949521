package dev.jetemu.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jetemu.app.live.EventFeed;
import dev.jetemu.app.live.FeedEvent;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/events}: a server-sent-events stream of everything the device publishes, one
 * {@code jet-event} per message. A reader that falls behind (its connection's buffer past Netty's
 * high-water mark) is cut off rather than allowed to hold memory or the device back; an
 * EventSource reconnects by itself.
 */
final class EventStream {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private EventStream() {
    }

    static void open(Channel channel, EventFeed feed) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        channel.write(response);
        channel.writeAndFlush(chunk(": jetemu events\n\n"));
        AutoCloseable following = feed.follow(event -> {
            if (!channel.isWritable()) {
                LOG.warn("Closed the event stream of {}: it fell behind the device's events", channel.remoteAddress());
                channel.close();
                return;
            }
            channel.writeAndFlush(chunk(message(event)));
        });
        channel.closeFuture().addListener((ChannelFutureListener) closed -> following.close());
    }

    private static String message(FeedEvent event) {
        ObjectNode data = Json.MAPPER.createObjectNode()
                .put("sequence", event.sequence())
                .put("topic", event.topic())
                .put("time", event.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        data.set("payload", Json.payload(event.payload()));
        try {
            return "event: jet-event\nid: " + event.sequence() + "\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event did not serialize", e);
        }
    }

    private static DefaultHttpContent chunk(String text) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }
}
