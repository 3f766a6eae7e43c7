package io.marquee.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent-Events client over real HTTP: collects the events of one stream as they arrive. */
public final class SseClient implements AutoCloseable {

    /** One event as received: its {@code id:} and {@code data:} lines. */
    public record Event(String id, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final HttpResponse<Stream<String>> response;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url} with the given headers; the status says whether the stream was accepted. */
    public static SseClient open(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .GET();
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseClient(response);
    }

    public int status() {
        return response.statusCode();
    }

    /** The next event, waiting up to {@code timeout}; null if none came. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes when the server ends the stream. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    private void read() {
        String id = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(id, data.toString()));
                    id = null;
                    data.setLength(0);
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed under us
        } finally {
            ended.complete(null);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (RuntimeException e) {
            // already closed
        }
    }
}
