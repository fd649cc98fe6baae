package cn.jiaoyun.core.assessment;

/** 重点工作清单 (one unit's key work) or 常规工作清单 (routine work of several units). */
public enum WorkListKind {
    KEY,
    ROUTINE
}
