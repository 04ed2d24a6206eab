package cn.hotline.routing.service;

/** Deterministic fake names and mobile numbers for seeded people (never real persons). */
final class FakePeople {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严";
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
        "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "建国", "志强", "海燕", "晓东", "文斌", "丽华",
        "国庆", "春梅", "雪梅", "立新", "永红", "晓燕", "振华", "海峰", "婷婷", "佳怡", "子涵", "浩然", "俊杰", "欣怡",
        "宇航", "晨曦", "思远", "嘉豪", "雨桐", "卫东", "红霞"};
    private static final String[] PREFIXES = {"138", "139", "137", "136", "135", "150", "151", "152", "157", "158",
        "159", "187", "188", "182", "183", "189", "133", "153", "180", "181", "177", "199"};

    private FakePeople() {
    }

    static String name(int n) {
        int s = n % SURNAMES.length();
        int g = (n / SURNAMES.length() * 7 + n * 3) % GIVEN.length;
        return SURNAMES.charAt(s) + GIVEN[g];
    }

    /** Distinct for distinct {@code n} (an affine map modulo 10^8 with a multiplier coprime to 10). */
    static String mobile(int n) {
        long digits = (n * 7_919L + 24_681_357L) % 100_000_000L;
        return PREFIXES[n % PREFIXES.length] + String.format("%08d", digits);
    }

    static String landline(int n) {
        return "0572-" + (2_000_000 + (n * 7_349L + 113_579L) % 7_000_000L);
    }
}
