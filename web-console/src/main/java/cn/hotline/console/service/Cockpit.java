package cn.hotline.console.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.hotline.console.client.IntakeClient;
import cn.hotline.console.client.SlaClient;
import cn.hotline.console.config.ConsoleConfig;
import cn.hotline.console.mapping.Band;
import cn.hotline.console.mapping.Formats;
import cn.hotline.console.mapping.Views.GroupKpis;
import cn.hotline.console.mapping.Views.KpiReport;
import cn.hotline.console.mapping.Views.TicketStats;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * 驾驶舱: the KPIs of a window exactly as sla's KPI API computes them (city, counties, towns), ranked with the
 * five-colour band, intake's volumes, and a day-by-day trend; the same figures make the daily, weekly, monthly report.
 */
@ApplicationScoped
public class Cockpit {

    /** The window: today, this week, this month (each up to now), or given days. */
    public record Window(String period, Instant from, Instant to, String label) {
    }

    /** One county or town: its KPIs, name and band. */
    public record Area(GroupKpis kpis, String name, Band band) {
    }

    /** One day of the trend. */
    public record Day(String day, long tickets, Double onTimeSignRate) {
    }

    public record View(Window window, GroupKpis city, Band cityBand, List<Area> counties, List<Area> towns, TicketStats stats,
            List<Day> trend, String legend) {
    }

    private final SlaClient sla;
    private final IntakeClient intake;
    private final RegionNames regions;
    private final ConsoleConfig config;
    private final Clock clock;

    public Cockpit(@RestClient SlaClient sla, @RestClient IntakeClient intake, RegionNames regions, ConsoleConfig config,
            Clock clock) {
        this.sla = sla;
        this.intake = intake;
        this.regions = regions;
        this.config = config;
        this.clock = clock;
    }

    public Window window(String period, String fromDay, String toDay) {
        ZonedDateTime now = clock.instant().atZone(Formats.ZONE);
        LocalDate from = day(fromDay);
        if (from != null && !from.isAfter(now.toLocalDate())) {
            LocalDate parsedTo = day(toDay);
            LocalDate to = parsedTo == null || parsedTo.isBefore(from) ? now.toLocalDate() : parsedTo;
            Instant end = to.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
            return new Window("custom", from.atStartOfDay(Formats.ZONE).toInstant(),
                    end.isAfter(now.toInstant()) ? now.toInstant() : end, from + " 至 " + to);
        }
        LocalDate today = now.toLocalDate();
        return switch (period == null ? "month" : period) {
            case "day" -> new Window("day", today.atStartOfDay(Formats.ZONE).toInstant(), now.toInstant(), "今日 " + today);
            case "week" -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Window("week", monday.atStartOfDay(Formats.ZONE).toInstant(), now.toInstant(), "本周 " + monday + " 起");
            }
            default -> new Window("month", today.withDayOfMonth(1).atStartOfDay(Formats.ZONE).toInstant(), now.toInstant(),
                    "本月 " + today.getYear() + "年" + today.getMonthValue() + "月");
        };
    }

    /** A calendar day, or null when absent or not a real date (then the default window applies). */
    private static LocalDate day(String text) {
        if (text == null || !text.matches("^\\d{4}-\\d{2}-\\d{2}$")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public Uni<View> view(String bearer, Window w) {
        String from = w.from().toString();
        String to = w.to().toString();
        return Uni.combine().all()
                .unis(sla.kpis(bearer, "city", from, to), sla.kpis(bearer, "county", from, to),
                        sla.kpis(bearer, "town", from, to), intake.stats(bearer, from, to), trend(bearer, w))
                .asTuple().map(t -> {
                    GroupKpis city = t.getItem1().groups().isEmpty() ? null : t.getItem1().groups().get(0);
                    return new View(w, city, city == null ? null : Band.of(city, config.bands()), areas(t.getItem2()),
                            areas(t.getItem3()), t.getItem4(), t.getItem5(), legend());
                });
    }

    /** "绿 ≥ 95%，蓝 ≥ 90%，…，红 < 80%" from the configured thresholds. */
    private String legend() {
        List<Double> t = config.bands().thresholds();
        String[] names = {"绿", "蓝", "黄", "橙"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t.size() && i < 4; i++) {
            out.append(names[i]).append(" ≥ ").append(Math.round(t.get(i) * 1000) / 10.0).append("%，");
        }
        return out.append("红 < ").append(Math.round(t.get(Math.min(3, t.size() - 1)) * 1000) / 10.0).append('%').toString();
    }

    private List<Area> areas(KpiReport report) {
        return report.groups().stream().filter(g -> !"NONE".equalsIgnoreCase(g.key()) && !g.key().isBlank())
                .map(g -> new Area(g, regions.name(g.key()), Band.of(g, config.bands())))
                .sorted(Comparator.comparing((Area a) -> a.band().score() == null ? -1 : a.band().score()).reversed())
                .toList();
    }

    /** One city-level KPI call per day of the window (at most 31), oldest first. */
    private Uni<List<Day>> trend(String bearer, Window w) {
        LocalDate first = w.from().atZone(Formats.ZONE).toLocalDate();
        LocalDate last = w.to().atZone(Formats.ZONE).toLocalDate();
        if (first.isBefore(last.minusDays(30))) {
            first = last.minusDays(30);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return Multi.createFrom().iterable(days).onItem().transformToUniAndConcatenate(day -> {
            Instant start = day.atStartOfDay(Formats.ZONE).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
            Instant capped = end.isAfter(w.to()) ? w.to() : end;
            if (!capped.isAfter(start)) {
                return Uni.createFrom().item(new Day(day.toString(), 0, null));
            }
            return sla.kpis(bearer, "city", start.toString(), capped.toString()).map(r -> r.groups().isEmpty()
                    ? new Day(day.toString(), 0, null)
                    : new Day(day.toString(), r.groups().get(0).tickets(), r.groups().get(0).onTimeSignRate()));
        }).collect().asList();
    }
}
