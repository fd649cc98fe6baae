package cn.jiaoyun.core.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * JSON bodies stay small (1 MB by default) while uploads may be as large as the server's limit
 * (documents up to 50 MB): the server-wide limit is set for uploads, this filter holds
 * everything that is not a multipart upload to the smaller one.
 */
@ServerFilter("/api/**")
public class JsonBodyLimit {

    private final long maxBytes;

    public JsonBodyLimit(@Value("${jiaoyun.api.max-json-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        boolean upload = request.getContentType().map(t -> t.getName().equals(MediaType.MULTIPART_FORM_DATA)).orElse(false);
        if (!upload && request.getContentLength() > maxBytes) {
            return Problems.response(request, new ApiProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "problem.too-large.detail"));
        }
        return null;
    }
}
