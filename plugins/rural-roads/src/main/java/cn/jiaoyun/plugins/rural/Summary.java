package cn.jiaoyun.plugins.rural;

import cn.jiaoyun.plugin.api.BureauRef;
import cn.jiaoyun.plugin.api.IndicatorDefinition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 四好农村路月度汇总 for a month of a year: every indicator's month, year to date, last year's same
 * period and the change ({@link YearToDate}); the network's km by class and grade; the year's
 * projects by kind. Rates for the year to date are recomputed from the period's inspections, each
 * segment once ({@link GoodRoadRate}), not summed from months.
 */
final class Summary {

    /** One indicator's line. */
    public record Line(String code, String nameZh, String nameEn, String unit, String aggregation,
                       BigDecimal month, BigDecimal yearToDate, BigDecimal lastYearToDate, BigDecimal yoy,
                       String yoyUnit, List<YearToDate.Flag> flags, List<Integer> missingMonths,
                       List<Integer> missingMonthsLastYear) {
    }

    /** The whole summary. */
    public record Body(int year, int month, List<Line> indicators, BigDecimal networkKm,
                       Map<String, BigDecimal> networkKmByClass, Map<String, BigDecimal> networkKmByGrade,
                       List<Network.Stock> network, List<Projects.KindTotal> projectsByKind) {
    }

    private final Indicators indicators;
    private final Network network;
    private final Projects projects;

    Summary(Indicators indicators, Network network, Projects projects) {
        this.indicators = indicators;
        this.network = network;
        this.projects = projects;
    }

    Body of(BureauRef bureau, YearMonth month, YearMonth current) {
        Map<String, Indicators.Figure[]> thisYear = indicators.year(bureau, month.getYear(), current);
        Map<String, Indicators.Figure[]> lastYear = indicators.year(bureau, month.getYear() - 1, current);
        Map<String, YearToDate.Ratio> ytdRates = network.rate(bureau, LocalDate.of(month.getYear(), 1, 1), month.atEndOfMonth());
        YearMonth sameLast = month.minusYears(1);
        Map<String, YearToDate.Ratio> lastRates = network.rate(bureau, LocalDate.of(sameLast.getYear(), 1, 1),
                sameLast.atEndOfMonth());
        List<Line> lines = new ArrayList<>();
        for (IndicatorDefinition d : Indicators.DEFINITIONS) {
            YearToDate.Result r;
            if (d.aggregation() == IndicatorDefinition.Aggregation.RATIO) {
                String c = Indicators.CLASS_OF.get(d.code());
                r = YearToDate.rate(thisYear.get(d.code())[month.getMonthValue() - 1].ratio(), ytdRates.get(c), lastRates.get(c));
            } else {
                r = YearToDate.total(values(thisYear.get(d.code())), values(lastYear.get(d.code())), month.getMonthValue());
            }
            lines.add(new Line(d.code(), d.nameZh(), d.nameEn(), d.unit(), d.aggregation().name(), r.month(),
                    r.yearToDate(), r.lastYearToDate(), r.yoy(), r.yoyInPoints() ? "个百分点" : "%", r.flags(),
                    r.missingMonths(), r.missingLastYear()));
        }
        List<Network.Stock> stock = network.stock(bureau);
        Map<String, BigDecimal> byClass = new LinkedHashMap<>();
        Map<String, BigDecimal> byGrade = new LinkedHashMap<>();
        Labels.CLASSES.codes().forEach(c -> byClass.put(c, BigDecimal.ZERO));
        Labels.GRADES.codes().forEach(g -> byGrade.put(g, BigDecimal.ZERO));
        BigDecimal total = BigDecimal.ZERO;
        for (Network.Stock s : stock) {
            byClass.merge(s.adminClass(), s.km(), BigDecimal::add);
            byGrade.merge(s.technicalGrade(), s.km(), BigDecimal::add);
            total = total.add(s.km());
        }
        return new Body(month.getYear(), month.getMonthValue(), lines, total, byClass, byGrade, stock,
                projects.byKind(bureau, month.getYear()));
    }

    private static BigDecimal[] values(Indicators.Figure[] figures) {
        BigDecimal[] v = new BigDecimal[12];
        for (int i = 0; i < 12; i++) {
            v[i] = figures[i].value();
        }
        return v;
    }
}
