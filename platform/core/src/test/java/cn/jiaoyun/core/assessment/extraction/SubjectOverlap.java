package cn.jiaoyun.core.assessment.extraction;

/**
 * When two subjects name the same thing for scoring: they share a run of characters at least two
 * long and at least half as long as the shorter subject, so "公交车、出租车清洁能源比率" overlaps
 * "新增出租车清洁能源比率" but "公交站点" does not overlap "公交分担率".
 */
final class SubjectOverlap {

    private SubjectOverlap() {
    }

    static boolean between(String expected, String predicted) {
        int shorter = Math.min(expected.length(), predicted.length());
        int common = longestCommonRun(expected, predicted);
        return common >= 2 && common * 2 >= shorter;
    }

    private static int longestCommonRun(String a, String b) {
        int best = 0;
        int[] previous = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    current[j] = previous[j - 1] + 1;
                    best = Math.max(best, current[j]);
                }
            }
            previous = current;
        }
        return best;
    }
}
