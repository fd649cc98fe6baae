package cn.jiaoyun.core.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Bodies and answers of the organisation endpoints. */
public final class OrganisationViews {

    private OrganisationViews() {
    }

    /**
     * A unit or department to create ({@code name} required, {@code shortName} optional) or to
     * change: every field left out (null) stays as it is; an empty {@code shortName} removes it;
     * {@code active} false deactivates, true reactivates; {@code sortOrder} moves it to that place
     * (1 = first) and the others follow in their order.
     */
    @Serdeable
    public record PartInput(@Nullable String name, @Nullable String shortName, @Nullable Boolean active,
                            @Nullable Integer sortOrder) {

        public static PartInput named(String name, @Nullable String shortName) {
            return new PartInput(name, shortName, null, null);
        }
    }

    /** A new order: the ids listed come first in this order, the others follow in theirs. */
    @Serdeable
    public record OrderInput(@Nullable List<Long> ids) {
    }

    /** An alias as the organisation page and {@code GET /api/aliases} show it. */
    @Serdeable
    public record AliasView(long id, String kind, String name, long targetId, String targetName,
                            String createdBy) {
    }
}
