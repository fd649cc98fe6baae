package cn.jiaoyun.plugins.rural;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The module's code lists with the words bureaus write in their spreadsheets: each code's Chinese
 * label (first, used in exports and pages), its English label, and other spellings an import
 * accepts. A code list reads a cell written either as the code or as any of its spellings.
 */
final class Labels {

    /** One code list. */
    static final class CodeList {
        private final Map<String, String[]> labels = new LinkedHashMap<>();
        private final Map<String, String> spellings = new LinkedHashMap<>();

        /** Adds a code, its Chinese and English labels and further spellings. */
        CodeList add(String code, String zh, String en, String... more) {
            labels.put(code, new String[] {zh, en});
            spellings.put(normal(code), code);
            spellings.put(normal(zh), code);
            spellings.put(normal(en), code);
            for (String m : more) {
                spellings.put(normal(m), code);
            }
            return this;
        }

        List<String> codes() {
            return List.copyOf(labels.keySet());
        }

        String zh(String code) {
            String[] l = labels.get(code);
            return l == null ? code : l[0];
        }

        String en(String code) {
            String[] l = labels.get(code);
            return l == null ? code : l[1];
        }

        /** The code a cell names, if it names one. */
        Optional<String> read(String cell) {
            return cell == null ? Optional.empty() : Optional.ofNullable(spellings.get(normal(cell)));
        }

        /** The Chinese labels joined for a message: {@code 县道、乡道、村道}. */
        String choices() {
            return String.join("、", labels.values().stream().map(l -> l[0]).toList());
        }

        private static String normal(String s) {
            return s.strip().replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
        }
    }

    static final CodeList KINDS = new CodeList()
            .add("UPGRADE", "低等级公路改造", "Upgrading low-grade roads", "改造提升", "提升改造", "低等级改造", "改造低等级农村公路")
            .add("ELIMINATE_SUBSTANDARD", "消除等外公路", "Eliminating sub-standard roads", "等外公路改造", "消除等外")
            .add("NEW_LINK", "联网公路及断头路", "New links and dead-end roads", "联网公路", "断头路", "新改建", "新建",
                    "通自然村", "联网路")
            .add("MAJOR_REPAIR", "大中修", "Major and medium repair", "大中修工程", "路面维修", "农村公路大中修")
            .add("DANGEROUS_BRIDGE", "危桥改造", "Dangerous bridges", "危桥改造工程", "危桥")
            .add("SAFETY", "安防工程", "Safety works", "安全生命防护工程", "生命安全防护工程", "安防")
            .add("LIGHTING", "亮化工程", "Lighting", "亮化", "特殊路段亮化");

    static final CodeList PROJECT_STATUSES = new CodeList()
            .add("PLANNED", "计划", "Planned", "未开工", "计划实施")
            .add("UNDER_WAY", "在建", "Under way", "实施中", "进行中", "推进中", "延迟实施")
            .add("COMPLETED", "已完工", "Completed", "完工", "已完成", "竣工");

    static final CodeList CLASSES = new CodeList()
            .add("COUNTY", "县道", "County road", "X")
            .add("TOWNSHIP", "乡道", "Township road", "Y")
            .add("VILLAGE", "村道", "Village road", "C");

    static final CodeList GRADES = new CodeList()
            .add("EXPRESSWAY", "高速公路", "Expressway", "高速")
            .add("GRADE_1", "一级公路", "Grade 1", "一级")
            .add("GRADE_2", "二级公路", "Grade 2", "二级")
            .add("GRADE_3", "三级公路", "Grade 3", "三级")
            .add("GRADE_4", "四级公路", "Grade 4", "四级")
            .add("SUBSTANDARD", "等外公路", "Sub-standard", "等外");

    static final CodeList RATINGS = new CodeList()
            .add("EXCELLENT", "优", "Excellent", "优等")
            .add("GOOD", "良", "Good", "良等")
            .add("FAIR", "中", "Fair", "中等")
            .add("POOR", "次", "Poor", "次等")
            .add("BAD", "差", "Bad", "差等");

    static final CodeList TOWN_STATUSES = new CodeList()
            .add("PLANNED", "计划创建", "Planned", "计划")
            .add("COUNTY_ACCEPTED", "县级验收", "Accepted by the county", "县级验收通过", "市内验收")
            .add("DECLARED", "申报市级", "Declared to the city", "已申报", "申报验收")
            .add("CITY_ACCEPTED", "市级验收", "Accepted by the city", "市级验收通过")
            .add("NAMED", "命名", "Named", "已命名", "命名示范乡镇");

    static final CodeList LOGISTICS_LEVELS = new CodeList()
            .add("COUNTY_CENTRE", "县级中心", "County centre", "县级物流中心", "县级")
            .add("TOWN_STATION", "乡镇服务站", "Town station", "乡镇级", "乡镇服务中心")
            .add("VILLAGE_POINT", "村级服务点", "Village point", "村级", "村级站点");

    static final CodeList POINT_STATUSES = new CodeList()
            .add("IN_SERVICE", "运营中", "In service", "在用", "运营")
            .add("CLOSED", "已关闭", "Closed", "停用", "关闭");

    private Labels() {
    }
}
