package cn.jiaoyun.core.assessment.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which column holds what, learnt from a list's header row. Bureaus word their headers
 * differently (考核项目/考评内容, 考核内容/目标要求, 督查部门/责任处室) and break them over lines,
 * so columns are recognised by keywords with all white space removed; the first two columns that
 * are neither points, departments nor a sequence number are the title and the content.
 */
record ColumnLayout(int columnCount, int sequenceIndex, int titleIndex, int contentIndex, int pointsIndex,
                    int departmentsIndex) {

    private static final int LONGEST_HEADER_CELL = 12;
    private static final Pattern POINTS = Pattern.compile("分值|分数|标准分|权重|^分$|^得分$");
    private static final Pattern DEPARTMENTS = Pattern.compile("部门|处室|科室|督查|督办|责任单位|牵头|考核单位");
    private static final Pattern SEQUENCE = Pattern.compile("^(序号|编号|序)$");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    static Optional<ColumnLayout> recognise(List<TableCell> cells) {
        if (cells.size() < 3 || cells.size() > 8) {
            return Optional.empty();
        }
        int sequence = -1;
        int title = -1;
        int content = -1;
        int points = -1;
        int departments = -1;
        for (int i = 0; i < cells.size(); i++) {
            String header = compact(cells.get(i).text());
            if (header.length() > LONGEST_HEADER_CELL || Points.parse(header).isPresent()) {
                return Optional.empty();
            }
            if (header.isEmpty()) {
                continue;
            }
            if (points < 0 && POINTS.matcher(header).find()) {
                points = i;
            } else if (departments < 0 && DEPARTMENTS.matcher(header).find()) {
                departments = i;
            } else if (sequence < 0 && SEQUENCE.matcher(header).find()) {
                sequence = i;
            } else if (title < 0) {
                title = i;
            } else if (content < 0) {
                content = i;
            }
        }
        if (points < 0 || title < 0 || title > points) {
            return Optional.empty();
        }
        return Optional.of(new ColumnLayout(cells.size(), sequence, title, content, points, departments));
    }

    static String compact(String text) {
        return WHITE_SPACE.matcher(text).replaceAll("");
    }
}
