package cn.jiaoyun.core.assessment.importing;

/** Where in the uploaded document something was read, so that a person can find it there. */
public sealed interface SourceLocation {

    String chinese();

    String english();

    /** A line of a text export, counted from 1. */
    record TextLine(int line) implements SourceLocation {
        @Override
        public String chinese() {
            return "第" + line + "行";
        }

        @Override
        public String english() {
            return "line " + line;
        }
    }

    /** A paragraph of a .docx body outside tables, counted from 1. */
    record DocumentParagraph(int paragraph) implements SourceLocation {
        @Override
        public String chinese() {
            return "第" + paragraph + "段";
        }

        @Override
        public String english() {
            return "paragraph " + paragraph;
        }
    }

    /** A row of a .docx table; both counted from 1, the header row being row 1. */
    record TableRow(int table, int row) implements SourceLocation {
        @Override
        public String chinese() {
            return "表格" + table + " 第" + row + "行";
        }

        @Override
        public String english() {
            return "table " + table + ", row " + row;
        }
    }

    /** A row of an .xlsx sheet, numbered as Excel shows it. */
    record SheetRow(String sheet, int row) implements SourceLocation {
        @Override
        public String chinese() {
            return "工作表 " + sheet + " 第" + row + "行";
        }

        @Override
        public String english() {
            return "sheet " + sheet + ", row " + row;
        }
    }
}
