package org.evergreencrm.smartystreets.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.smartystreets.api.Request;
import com.smartystreets.api.Response;
import com.smartystreets.api.Sender;

/**
 * The SDK's innermost sender on the JDK's HTTP client. The SDK builds, signs and reads the requests as always; this
 * sender only carries them, and — unlike the SDK's OkHttp sender, whose timeouts reach the caller as an empty answer
 * that reads like "no match" — lets a timeout or a broken connection surface as an {@link IOException}.
 */
final class JdkSender implements Sender {
    private final HttpClient http;
    private final Duration timeout;

    JdkSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.getUrl())).timeout(timeout);
        for (Map.Entry<String, Object> h : request.getHeaders().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                b.header(h.getKey(), String.valueOf(h.getValue()));
            }
        }
        byte[] payload = request.getPayload();
        if ("POST".equalsIgnoreCase(request.getMethod()) || payload != null) {
            if (request.getContentType() != null) {
                b.header("Content-Type", request.getContentType());
            }
            b.POST(HttpRequest.BodyPublishers.ofByteArray(payload == null ? new byte[0] : payload));
        } else {
            b.GET();
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.body());
    }
}
