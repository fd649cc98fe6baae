package cn.jiaoyun.core.assessment.importing;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * The texts of problems and notices, as a key (the constant) with arguments rendered in either
 * language. Kept here rather than in the web bundles so that importing depends on no other
 * package. English patterns avoid apostrophes because MessageFormat treats them as quotes.
 */
public enum WorkListMessage {
    EMPTY_FILE("文件为空", "the file is empty"),
    TOO_LARGE("文件大小超过上限 {0} 字节，未读取", "the file is larger than the limit of {0} bytes and was not read"),
    UNSUPPORTED_TYPE("不支持的文件类型，请上传 .txt、.docx 或 .xlsx 文件",
            "unsupported file type; upload a .txt, .docx or .xlsx file"),
    LEGACY_OFFICE_FORMAT("旧版 Word/Excel 格式（.doc/.xls）无法读取，请另存为 .docx 或 .xlsx 后上传",
            "old Word/Excel format (.doc/.xls) cannot be read; save it as .docx or .xlsx and upload again"),
    BROKEN_DOCUMENT("文件已损坏或不是有效的 {0} 文件", "the file is damaged or is not a valid {0} file"),
    UNKNOWN_ENCODING("无法识别文字编码：既不是 UTF-8，也不是 GB18030（GBK）",
            "unknown text encoding: neither UTF-8 nor GB18030 (GBK)"),
    NOT_A_WORK_LIST("未找到工作清单的表头（如“考核项目、考核内容、分值、督查部门”），不是可识别的工作清单",
            "no work list header found (such as 考核项目, 考核内容, 分值, 督查部门); this is not a recognisable work list"),
    MISSING_VALUE("缺少{0}", "{0} missing"),
    NOT_A_NUMBER("{0}“{1}”不是数字", "{0} \"{1}\" is not a number"),
    DECODED_AS_GB18030("文件不是 UTF-8 编码，已按 GB18030（兼容 GBK）读取，请核对文字是否正确",
            "the file is not UTF-8; it was read as GB18030 (GBK), please check that the text is right"),
    TOTAL_MISMATCH("“{0}”的合计行写 {1} 分，各项分值之和为 {2} 分",
            "the total row of \"{0}\" says {1} points but the items add up to {2}");

    private final String chinese;
    private final String english;

    WorkListMessage(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese(List<?> args) {
        return render(chinese, args, true);
    }

    public String english(List<?> args) {
        return render(english, args, false);
    }

    private static String render(String pattern, List<?> args, boolean inChinese) {
        Object[] rendered = args.stream()
                .map(arg -> arg instanceof ItemField field ? (inChinese ? field.chinese() : field.english()) : arg)
                .toArray();
        return new MessageFormat(pattern, Locale.ROOT).format(rendered);
    }
}
