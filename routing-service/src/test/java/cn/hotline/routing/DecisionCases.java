package cn.hotline.routing;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** The table of routing decisions every path (preview, Kafka) must reproduce. */
final class DecisionCases {

    /** One case: the ticket, and the expected lead (null = MANUAL) and assisting unit codes, in order. */
    record Case(String name, String category, String kind, String urgency, String county, String town,
            String village, String address, Double lat, Double lon, String lead, List<String> assisting) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final String ANJI = "330523";
    static final String TIANHUANGPING = "330523108";
    static final String YUCUN = "330523108204";
    static final String CHANGSHUO = "330523002";
    static final String WUXING = "330502";
    static final String YUEHE = "330502001";
    static final String NANXUN = "330503";
    static final String NANXUN_TOWN = "330503100";
    static final String DEQING = "330521";
    static final String MOGANSHAN = "330521115";
    static final String GAOFENG = "330521115200";
    static final String CHANGXING = "330522";
    static final String ZHICHENG = "330522001";

    private DecisionCases() {
    }

    static final List<Case> ALL = List.of(
            at("邻里纠纷 余村 → 天荒坪镇属地", "0801", YUCUN, TIANHUANGPING + "-GOV", YUCUN + "-VC"),
            new Case("邻里纠纷 by address 安吉县天荒坪镇余村", "0801", "COMPLAINT", "NORMAL", null, null, null,
                    "安吉县天荒坪镇余村村口", null, null, TIANHUANGPING + "-GOV", List.of(YUCUN + "-VC")),
            at("施工噪声 昌硕街道 → 执法局 + 街道", "020201", CHANGSHUO, ANJI + "-ENFORCEMENT", CHANGSHUO + "-GOV"),
            at("噪声扰民 昌硕街道", "0202", CHANGSHUO, ANJI + "-ENFORCEMENT", CHANGSHUO + "-GOV"),
            new Case("urgent night noise 昌硕街道 → 执法局 leads, 街道 assists", "0202", "COMPLAINT", "URGENT", null,
                    CHANGSHUO, null, null, null, null, ANJI + "-ENFORCEMENT", List.of(CHANGSHUO + "-GOV")),
            new Case("urgent 社会生活噪声 昌硕街道 → 公安 (110 linkage)", "020202", "COMPLAINT", "URGENT", null, CHANGSHUO,
                    null, null, null, null, ANJI + "-POLICE", List.of(CHANGSHUO + "-GOV", ANJI + "-ENFORCEMENT")),
            at("社会生活噪声 月河街道 (no village)", "020202", YUEHE, YUEHE + "-GOV", WUXING + "-POLICE"),
            at("商业经营噪声 南浔镇", "020203", NANXUN_TOWN, NANXUN + "-ECOENV", NANXUN + "-ENFORCEMENT"),
            at("物业纠纷 月河街道 (city rule)", "0101", YUEHE, YUEHE + "-GOV", WUXING + "-HOUSING"),
            at("物业纠纷 昌硕街道 (安吉 county rule wins)", "0101", CHANGSHUO, ANJI + "-HOUSING", CHANGSHUO + "-GOV"),
            at("违章建筑 complaint 雉城街道", "0102", ZHICHENG, CHANGXING + "-ENFORCEMENT", ZHICHENG + "-GOV"),
            new Case("违章建筑 report 雉城街道 (kind rule, priority)", "0102", "REPORT", "NORMAL", null, ZHICHENG, null,
                    null, null, null, CHANGXING + "-ENFORCEMENT", List.of(ZHICHENG + "-GOV", CHANGXING + "-NATRES")),
            at("安置房 南浔镇", "0103", NANXUN_TOWN, NANXUN + "-HOUSING", NANXUN_TOWN + "-GOV"),
            at("征地拆迁补偿 天荒坪镇", "0104", TIANHUANGPING, ANJI + "-NATRES", TIANHUANGPING + "-GOV"),
            at("占道经营 月河街道", "0201", YUEHE, YUEHE + "-GOV", WUXING + "-ENFORCEMENT"),
            at("市容环境卫生 月河街道 (parent category 02)", "0204", YUEHE, WUXING + "-ENFORCEMENT", YUEHE + "-GOV"),
            at("道路交通安全 德清县", "0301", DEQING, DEQING + "-POLICE", DEQING + "-TRANSPORT"),
            at("公交客运 长兴县 (parent 03)", "0302", CHANGXING, CHANGXING + "-TRANSPORT"),
            at("欠薪 雉城街道", "0401", ZHICHENG, CHANGXING + "-HRSS", ZHICHENG + "-GOV"),
            at("社会保险 安吉县 (parent 04)", "0402", ANJI, ANJI + "-HRSS"),
            at("环境污染 莫干山镇", "0501", MOGANSHAN, DEQING + "-ECOENV", MOGANSHAN + "-GOV"),
            at("水污染 莫干山镇", "050102", MOGANSHAN, DEQING + "-ECOENV", DEQING + "-WATER", MOGANSHAN + "-GOV"),
            at("生态破坏 安吉县 (生态环境 05)", "0502", ANJI, ANJI + "-ECOENV", ANJI + "-NATRES"),
            at("供水停水 月河街道 → 市水务集团 (吴兴区 rule)", "0601", YUEHE, "3305-WATER"),
            at("供水停水 南浔镇 → 区水务", "0601", NANXUN_TOWN, NANXUN + "-WATER"),
            at("消费投诉 南浔区", "0701", NANXUN, NANXUN + "-MARKET"),
            at("食品安全 长兴县 (parent 07)", "0702", CHANGXING, CHANGXING + "-MARKET"),
            at("邻里纠纷 高峰村 (village rule: 小事不出村)", "0801", GAOFENG, GAOFENG + "-VC", MOGANSHAN + "-GOV"),
            at("婚姻家庭纠纷 天荒坪镇 (parent 08)", "0802", TIANHUANGPING, TIANHUANGPING + "-GOV", ANJI + "-POLICE"),
            at("学校管理 德清县 (教育 09)", "0901", DEQING, DEQING + "-EDU"),
            at("医疗服务 吴兴区 (医疗卫生 10)", "1001", WUXING, WUXING + "-HEALTH"),
            at("土地违法 天荒坪镇", "1101", TIANHUANGPING, ANJI + "-NATRES", TIANHUANGPING + "-GOV"),
            at("农村基础设施 余村", "1201", YUCUN, TIANHUANGPING + "-GOV", YUCUN + "-VC", ANJI + "-AGRI"),
            new Case("消费投诉 by point in 安吉县 (polygon)", "0701", "COMPLAINT", "NORMAL", null, null, null, null,
                    30.63, 119.68, ANJI + "-MARKET", List.of()),
            manual("供电 安吉县: no rule → MANUAL", "0602", ANJI),
            manual("unknown category → MANUAL", "9999", CHANGSHUO),
            manual("no category → MANUAL", null, CHANGSHUO),
            new Case("邻里纠纷 without a place → MANUAL", "0801", "COMPLAINT", "NORMAL", null, null, null, null, null,
                    null, null, List.of()),
            new Case("邻里纠纷 located only to 安吉县 → town rules cannot resolve → MANUAL", "0801", "COMPLAINT",
                    "NORMAL", null, null, null, null, 30.63, 119.68, null, List.of()));

    static Stream<Arguments> cases() {
        return ALL.stream().map(Arguments::of);
    }

    private static Case at(String name, String category, String code, String lead, String... assisting) {
        String county = code.length() == 6 ? code : null;
        String town = code.length() == 9 ? code : null;
        String village = code.length() == 12 ? code : null;
        return new Case(name, category, "COMPLAINT", "NORMAL", county, town, village, null, null, null, lead,
                List.of(assisting));
    }

    private static Case manual(String name, String category, String code) {
        return at(name, category, code, null);
    }
}
