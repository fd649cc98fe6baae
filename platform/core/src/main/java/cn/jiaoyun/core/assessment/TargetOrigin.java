package cn.jiaoyun.core.assessment;

/** Where a target came from: read out of the item's text, or entered (or corrected) by a person. */
public enum TargetOrigin {
    EXTRACTED,
    USER
}
