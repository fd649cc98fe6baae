package cn.jiaoyun.core.assessment;

/**
 * 重点工作清单 (one unit's key work), 常规工作清单 (routine work of several units) or 工作计划 (a
 * bureau's narrative plan: items in a hierarchy, each with its own owner, points optional).
 */
public enum WorkListKind {
    KEY,
    ROUTINE,
    PLAN
}
