package cn.jiaoyun.core.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * 考核项目: one item of a work list, with its content (考核内容) and points (分值). Points are null
 * only for an unscored (不计分) item of a plan list.
 */
@Serdeable
@MappedEntity("assessment_item")
public record AssessmentItem(
        @Id @GeneratedValue @Nullable Long id,
        String tenantId,
        long workListId,
        int position,
        String title,
        String content,
        @Nullable BigDecimal points) {
}
