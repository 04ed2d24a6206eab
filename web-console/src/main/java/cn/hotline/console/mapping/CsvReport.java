package cn.hotline.console.mapping;

import java.util.List;

import cn.hotline.console.mapping.Views.GroupKpis;
import cn.hotline.console.service.Cockpit;

/** The report of a window as CSV (UTF-8 with a BOM so spreadsheet programs read the Chinese): city, counties, towns. */
public final class CsvReport {

    private static final String HEADER = "层级,编码,名称,工单数,派单数,签收及时率,到场及时率,按时办结率,三天办结率,响应率,解决率,满意率,"
            + "退单率,一次性化解率,超期数,综合得分,五色";

    private CsvReport() {
    }

    public static String of(Cockpit.View view) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        if (view.city() != null) {
            row(out, "市", "3305", "湖州市", view.city(), view.cityBand());
        }
        append(out, "区县", view.counties());
        append(out, "乡镇街道", view.towns());
        return out.toString();
    }

    private static void append(StringBuilder out, String level, List<Cockpit.Area> areas) {
        for (Cockpit.Area a : areas) {
            row(out, level, a.kpis().key(), a.name(), a.kpis(), a.band());
        }
    }

    private static void row(StringBuilder out, String level, String code, String name, GroupKpis k, Band band) {
        Object[] cells = {level, code, name, k.tickets(), k.dispatches(), k.onTimeSignRate(), k.onTimeArrivalRate(),
            k.onTimeCloseRate(), k.threeDayCloseRate(), k.responseRate(), k.resolutionRate(), k.satisfactionRate(),
            k.returnRate(), k.firstTimeResolutionRate(), k.overdueCount(), band == null ? null : band.score(),
            band == null ? "" : band.label()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
