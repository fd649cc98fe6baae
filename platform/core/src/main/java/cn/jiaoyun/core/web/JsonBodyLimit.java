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
 * Holds request bodies to what each kind of call needs: JSON to 1 MB, uploads of documents to
 * 52 MB, while modules' bulk imports ({@code /api/modules/<id>/imports/<name>}) may reach the
 * server-wide limit. A body whose declared length is too large is refused before it is read.
 */
@ServerFilter("/api/**")
public class JsonBodyLimit {

    private static final java.util.regex.Pattern BULK_IMPORT = java.util.regex.Pattern.compile("/api/modules/[^/]+/imports/[^/]+");

    private final long maxBytes;
    private final long maxUploadBytes;

    public JsonBodyLimit(@Value("${jiaoyun.api.max-json-bytes:1048576}") long maxBytes,
                         @Value("${jiaoyun.api.max-upload-bytes:54525952}") long maxUploadBytes) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        boolean upload = request.getContentType().map(t -> t.getName().equals(MediaType.MULTIPART_FORM_DATA)).orElse(false);
        if (!upload && request.getContentLength() > maxBytes) {
            return Problems.response(request, new ApiProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "problem.too-large.detail"));
        }
        if (upload && request.getContentLength() > maxUploadBytes && !BULK_IMPORT.matcher(request.getPath()).matches()) {
            return Problems.response(request, new ApiProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "problem.too-large.detail"));
        }
        return null;
    }
}
