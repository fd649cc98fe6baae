package cn.jiaoyun.core.assessment;

import cn.jiaoyun.core.assessment.AssessmentViews.ItemDetail;
import cn.jiaoyun.core.assessment.AssessmentViews.TargetChange;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListDetail;
import cn.jiaoyun.core.assessment.AssessmentViews.WorkListSummary;
import cn.jiaoyun.core.web.Actor;
import cn.jiaoyun.core.web.ActorArgumentBinder;
import cn.jiaoyun.core.web.ApiProblem;
import cn.jiaoyun.core.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Work lists: import from a bureau's documents, read them, correct their targets. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"REPORTER", "SUPERVISOR", "VIEWER", "BUREAU_ADMIN"})
public class WorkListController {

    private final WorkListImport imports;
    private final WorkListService worklists;
    private final JsonMapper json;

    public WorkListController(WorkListImport imports, WorkListService worklists, JsonMapper json) {
        this.imports = imports;
        this.worklists = worklists;
        this.json = json;
    }

    /**
     * Multipart {@code file} (.txt, .docx or .xlsx), optional {@code year}, {@code commit}
     * ({@code false}: the preview only, the default; {@code true}: store it) and {@code encoding}
     * ({@code GB18030} or {@code GBK} confirms the reading of a text file that is not UTF-8).
     * For unit and department names the bureau does not know: {@code createMissing=true} creates
     * every one, {@code create} (a JSON array of names) creates those, {@code aliases} (a JSON
     * object of name → id of an existing unit or department) maps them and remembers the alias.
     */
    @Post(value = "/worklists/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("BUREAU_ADMIN")
    public Object importLists(Actor actor, @Nullable @Part("file") CompletedFileUpload file,
                              @Nullable @Part("year") String year, @Nullable @Part("commit") String commit,
                              @Nullable @Part("encoding") String encoding,
                              @Nullable @Part("createMissing") String createMissing,
                              @Nullable @Part("create") String create,
                              @Nullable @Part("aliases") String aliases, HttpRequest<?> request) {
        DocumentUpload upload = DocumentUpload.of(file, year, commit, encoding);
        ImportChoices choices = ImportChoices.parse(json, createMissing, create, aliases);
        var locale = Messages.localeOf(request);
        if (upload.commit()) {
            return imports.commit(actor, upload.fileName(), upload.content(), upload.year(), locale,
                    ActorArgumentBinder.clientIp(request), upload.legacyEncodingConfirmed(), choices);
        }
        return imports.preview(actor, upload.fileName(), upload.content(), upload.year(), locale, choices);
    }

    /** The bureau's lists of a year (this year when not given). */
    @Get("/worklists")
    public List<WorkListSummary> lists(Actor actor, @Nullable @QueryValue Integer year) {
        return worklists.lists(actor.bureau(), year != null ? year : LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
    }

    @Get("/worklists/{id}")
    public WorkListDetail list(Actor actor, @PathVariable long id) {
        return worklists.list(actor.bureau(), id);
    }

    @Get("/items/{id}")
    public ItemDetail item(Actor actor, @PathVariable long id) {
        return worklists.item(actor.bureau(), id);
    }

    @Post("/items/{id}/targets")
    @Status(HttpStatus.CREATED)
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public Target addTarget(Actor actor, @PathVariable long id, @Body TargetChange change, HttpRequest<?> request) {
        return worklists.addTarget(actor, id, change, ActorArgumentBinder.clientIp(request));
    }

    @Put("/targets/{id}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public Target correctTarget(Actor actor, @PathVariable long id, @Body TargetChange change, HttpRequest<?> request) {
        return worklists.correctTarget(actor, id, change, ActorArgumentBinder.clientIp(request));
    }

    @Delete("/targets/{id}")
    @Secured({"BUREAU_ADMIN", "SUPERVISOR"})
    public HttpResponse<Void> removeTarget(Actor actor, @PathVariable long id, @Nullable @QueryValue Boolean confirm,
                                           HttpRequest<?> request) {
        worklists.removeTarget(actor, id, Boolean.TRUE.equals(confirm), ActorArgumentBinder.clientIp(request));
        return HttpResponse.noContent();
    }
}
