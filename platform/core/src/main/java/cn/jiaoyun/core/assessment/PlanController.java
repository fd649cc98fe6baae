package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.PlanViews.PlanDetail;
import cn.jiaoyun.core.assessment.PlanViews.PlanItemView;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plans that are not points tables: import, read with their hierarchy, owners and points. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REPORTER", "SUPERVISOR", "VIEWER", "BUREAU_ADMIN"})
public class PlanController {

    private final PlanImport imports;
    private final PlanService plans;
    private final JsonMapper json;

    public PlanController(PlanImport imports, PlanService plans, JsonMapper json) {
        this.imports = imports;
        this.plans = plans;
        this.json = json;
    }

    /**
     * Multipart {@code file} (.txt or .docx), optional {@code year} (else the year in the title),
     * {@code commit} ({@code false}: the preview only, the default; {@code true}: store it) and
     * {@code encoding} ({@code GB18030} or {@code GBK} confirms the reading of a text file that is
     * not UTF-8).
     */
    @Post(value = "/plans/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("BUREAU_ADMIN")
    public Object importPlan(Actor actor, @Nullable @Part("file") CompletedFileUpload file,
                             @Nullable @Part("year") String year, @Nullable @Part("commit") String commit,
                             @Nullable @Part("encoding") String encoding, HttpRequest<?> request) {
        DocumentUpload upload = DocumentUpload.of(file, year, commit, encoding);
        var locale = Messages.localeOf(request);
        if (upload.commit()) {
            return imports.commit(actor, upload.fileName(), upload.content(), upload.year(), locale,
                    ActorArgumentBinder.clientIp(request), upload.legacyEncodingConfirmed());
        }
        return imports.preview(actor, upload.fileName(), upload.content(), upload.year(), locale);
    }

    @Get("/plans/{id}")
    public PlanDetail plan(Actor actor, @PathVariable long id) {
        return plans.plan(actor.bureau(), id);
    }

    /** Body {@code {"unitId": n}} or {@code {"departmentId": n}}; {@code {}} clears the owner. */
    @Put(value = "/items/{id}/owner", consumes = MediaType.APPLICATION_JSON)
    @Secured("BUREAU_ADMIN")
    public PlanItemView setOwner(Actor actor, @PathVariable long id, @Body String body, HttpRequest<?> request) {
        return plans.setOwner(actor, id, fields(body, "unitId"), ActorArgumentBinder.clientIp(request));
    }

    /** Body {@code {"points": 5}}, or {@code {"points": null}} for 不计分; plan items only. */
    @Put(value = "/items/{id}/points", consumes = MediaType.APPLICATION_JSON)
    @Secured("BUREAU_ADMIN")
    public PlanItemView setPoints(Actor actor, @PathVariable long id, @Body String body, HttpRequest<?> request) {
        return plans.setPoints(actor, id, fields(body, "points"), ActorArgumentBinder.clientIp(request));
    }

    /**
     * The body's fields with their values, keeping an explicit null (which a bound map drops):
     * {@code {"points": null}} means 不计分, a missing field means nothing was said.
     */
    private Map<String, Object> fields(String body, String field) {
        JsonNode node;
        try {
            node = json.readValue(body == null || body.isBlank() ? "{}" : body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw ApiProblem.badField(field, "plan.body.invalid");
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badField(field, "plan.body.invalid");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.entries()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isNull() ? null : v.isNumber() ? v.getNumberValue()
                    : v.isString() ? v.getStringValue() : v.toString());
        }
        return out;
    }
}
