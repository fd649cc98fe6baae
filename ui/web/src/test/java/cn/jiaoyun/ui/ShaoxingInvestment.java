package cn.jiaoyun.ui;

import cn.jiaoyun.core.indicators.IndicatorValues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 交通有效投资 (万元 a month) of Shaoxing's six county-level bureaus for January to September, made
 * up for the browser tests (demo figures are not loaded in tests). January to September 2023 ranks
 * 柯桥 54亿, 诸暨 45亿, 上虞 37.8亿, 越城 27亿, 嵊州 18亿; 新昌 lacks May and is not ranked. Through
 * August 诸暨 (32亿) was behind 上虞 (33.6亿): September moves it up one place.
 */
final class ShaoxingInvestment {

    static final String CODE = "invest.effective";

    /** Bureau → its monthly values of 2023, January first; null for a month not reported. */
    static final Map<String, Integer[]> Y2023 = new LinkedHashMap<>();
    /** Bureau → its monthly value of 2022 (every month the same). */
    static final Map<String, Integer> Y2022 = new LinkedHashMap<>();

    static {
        Y2023.put("keqiao", months(60000, 60000));
        Y2023.put("zhuji", months(40000, 130000));
        Y2023.put("shangyu", months(42000, 42000));
        Y2023.put("yuecheng", months(30000, 30000));
        Y2023.put("shengzhou", months(20000, 20000));
        Integer[] xinchang = months(10000, 10000);
        xinchang[4] = null;
        Y2023.put("xinchang", xinchang);
        Y2022.put("keqiao", 50000);
        Y2022.put("zhuji", 30000);
        Y2022.put("shangyu", 40000);
        Y2022.put("yuecheng", 30000);
        Y2022.put("shengzhou", 25000);
        Y2022.put("xinchang", 10000);
    }

    private ShaoxingInvestment() {
    }

    /** January to August at {@code firstEight}, September at {@code september}. */
    private static Integer[] months(int firstEight, int september) {
        Integer[] out = new Integer[9];
        java.util.Arrays.fill(out, 0, 8, firstEight);
        out[8] = september;
        return out;
    }

    /** Records 2022 and 2023 for every bureau but those named in {@code except}; September 2023 only when asked. */
    static void record(IndicatorValues values, boolean september, String... except) {
        java.util.Set<String> skip = java.util.Set.of(except);
        Y2023.forEach((bureau, months) -> {
            if (skip.contains(bureau)) {
                return;
            }
            for (int m = 1; m <= 9; m++) {
                values.record(bureau, CODE, YearMonth.of(2022, m), BigDecimal.valueOf(Y2022.get(bureau)), "test");
                Integer v = months[m - 1];
                if (v != null && (m < 9 || september)) {
                    values.record(bureau, CODE, YearMonth.of(2023, m), BigDecimal.valueOf(v), "test");
                }
            }
        });
    }
}
