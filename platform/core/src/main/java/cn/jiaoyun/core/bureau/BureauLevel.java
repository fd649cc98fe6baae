package cn.jiaoyun.core.bureau;

/** The administrative level of a bureau. */
public enum BureauLevel {
    /** 省 */
    PROVINCE,
    /** 地级市 */
    CITY,
    /** 县级市 */
    COUNTY_CITY,
    /** 市辖区 */
    DISTRICT,
    /** 县 */
    COUNTY
}
