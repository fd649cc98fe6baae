package cn.jiaoyun.test;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A logged-in client of the JSON API, as a script or another system would use it. Responses are
 * returned whatever their status so tests can assert on errors as well as on success.
 */
public final class ApiSession {

    private final BlockingHttpClient http;
    private final String token;

    private ApiSession(BlockingHttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** Logs in to a bureau ({@code tenant} null for a platform account) and keeps the token. */
    public static ApiSession login(HttpClient client, String tenant, String username, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (tenant != null) {
            body.put("tenant", tenant);
        }
        body.put("username", username);
        body.put("password", password);
        HttpResponse<Map<String, Object>> r = send(client.toBlocking(), HttpRequest.POST("/api/auth/login", body));
        if (r.code() != 200 || r.body() == null || r.body().get("accessToken") == null) {
            throw new AssertionError("login of " + username + "@" + tenant + " failed with " + r.code() + ": " + r.body());
        }
        return new ApiSession(client.toBlocking(), (String) r.body().get("accessToken"));
    }

    /** A demo user of a demo bureau, e.g. {@code demo(client, "shaoxing", "admin")}. */
    public static ApiSession demo(HttpClient client, String tenant, String username) {
        return login(client, tenant, username, JiaoyunTestContextBuilder.DEMO_PASSWORD);
    }

    public String token() {
        return token;
    }

    public HttpResponse<Map<String, Object>> get(String path) {
        return send(http, HttpRequest.GET(path).bearerAuth(token));
    }

    public HttpResponse<Object> getAny(String path) {
        return sendAny(http, HttpRequest.GET(path).bearerAuth(token));
    }

    public HttpResponse<Map<String, Object>> post(String path, Object body) {
        return send(http, HttpRequest.POST(path, body).bearerAuth(token));
    }

    public HttpResponse<Map<String, Object>> put(String path, Object body) {
        return send(http, HttpRequest.PUT(path, body).bearerAuth(token));
    }

    /** A multipart upload of one file with form fields, as a browser form sends it. */
    public HttpResponse<Map<String, Object>> upload(String path, String fileName, byte[] content, Map<String, String> fields) {
        io.micronaut.http.client.multipart.MultipartBody.Builder body = io.micronaut.http.client.multipart.MultipartBody.builder()
                .addPart("file", fileName, io.micronaut.http.MediaType.APPLICATION_OCTET_STREAM_TYPE, content);
        fields.forEach(body::addPart);
        return send(http, HttpRequest.POST(path, body.build())
                .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token));
    }

    /**
     * A request whose body is sent byte for byte as given (malformed JSON, a NUL byte …), in the
     * language {@code acceptLanguage} ({@code null}: the server's default, Chinese).
     */
    public HttpResponse<Map<String, Object>> raw(String method, String path, String contentType, byte[] body,
                                                 String acceptLanguage) {
        MutableHttpRequest<?> request = HttpRequest.create(HttpMethod.parse(method), path)
                .body(body).contentType(contentType).bearerAuth(token);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(http, request);
    }

    public HttpResponse<Map<String, Object>> delete(String path) {
        return send(http, HttpRequest.DELETE(path).bearerAuth(token));
    }

    /** Sends any request and returns the response as a map, also for 4xx and 5xx. */
    public static HttpResponse<Map<String, Object>> send(BlockingHttpClient http, MutableHttpRequest<?> request) {
        try {
            return http.exchange(request, Argument.mapOf(String.class, Object.class),
                    Argument.mapOf(String.class, Object.class));
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<Map<String, Object>> r = (HttpResponse<Map<String, Object>>) e.getResponse();
            return r;
        }
    }

    private static HttpResponse<Object> sendAny(BlockingHttpClient http, MutableHttpRequest<?> request) {
        try {
            return http.exchange(request, Argument.OBJECT_ARGUMENT, Argument.mapOf(String.class, Object.class));
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<Object> r = (HttpResponse<Object>) e.getResponse();
            return r;
        }
    }
}
