package cn.jiaoyun.core.assessment.importing;

/** The text of one table cell as the document gives it, line breaks kept as {@code \n}. */
record TableCell(String text, SourceLocation location) {

    boolean isBlank() {
        return text.isBlank();
    }
}
