package cn.jiaoyun.core.audit;

/** What an audit event records. Stored by name: never rename a constant. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_REFUSED_LOCKED,
    BUREAU_CREATED,
    BUREAU_PROVISIONED,
    USER_CREATED,
    USER_UPDATED,
    USER_PASSWORD_RESET,
    WORK_LIST_IMPORTED,
    TARGET_ADDED,
    TARGET_CORRECTED,
    TARGET_REMOVED,
    PROGRESS_REPORTED,
    REVIEW_SCORED,
    DEDUCTION_RECORDED
}
