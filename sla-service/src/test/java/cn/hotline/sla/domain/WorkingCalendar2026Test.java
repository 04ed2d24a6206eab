package cn.hotline.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import cn.hotline.sla.service.IcsParser;
import cn.hotline.support.problem.ProblemException;

/** Deadline arithmetic of domain.md against the official 2026 holiday notice (region-data's .ics). */
class WorkingCalendar2026Test {

    static final WorkingCalendar CAL = calendar(read("hotline/region/cn-holidays-2026.ics"));

    @ParameterizedTest(name = "{0} + {1} ({2}) = {3}")
    @CsvSource({
            // domain.md's own examples
            "2026-03-06T20:00:00+08:00, P1D,   WORKING, 2026-03-10T08:30:00+08:00",
            "2026-09-29T16:00:00+08:00, P1D,   WORKING, 2026-09-30T16:00:00+08:00",
            "2026-09-30T16:00:00+08:00, P1D,   WORKING, 2026-10-08T16:00:00+08:00",
            "2026-10-09T10:00:00+08:00, P1D,   WORKING, 2026-10-10T10:00:00+08:00",
            "2026-03-06T17:00:00+08:00, PT1H,  WORKING, 2026-03-09T09:00:00+08:00",
            "2026-03-10T11:45:00+08:00, PT30M, WORKING, 2026-03-10T13:45:00+08:00",
            "2026-09-30T16:00:00+08:00, P15D,  CLOCK,   2026-10-15T16:00:00+08:00",
            // 春节: make-up Saturdays 02-14 and 02-28, days off 02-15..23
            "2026-02-13T10:00:00+08:00, P1D,   WORKING, 2026-02-14T10:00:00+08:00",
            "2026-02-14T10:00:00+08:00, P1D,   WORKING, 2026-02-24T10:00:00+08:00",
            "2026-02-14T17:00:00+08:00, PT1H,  WORKING, 2026-02-24T09:00:00+08:00",
            "2026-02-18T09:00:00+08:00, P1D,   WORKING, 2026-02-25T08:30:00+08:00",
            "2026-02-27T10:00:00+08:00, P1D,   WORKING, 2026-02-28T10:00:00+08:00",
            "2026-02-27T10:00:00+08:00, P2D,   WORKING, 2026-03-02T10:00:00+08:00",
            "2026-02-13T16:00:00+08:00, P3D,   WORKING, 2026-02-25T16:00:00+08:00",
            "2026-02-13T15:00:00+08:00, PT8H,  WORKING, 2026-02-14T15:30:00+08:00",
            "2026-02-20T12:00:00+08:00, PT1M,  WORKING, 2026-02-24T08:31:00+08:00",
            // lunch break and the edges of the working day
            "2026-03-10T11:00:00+08:00, PT1H,  WORKING, 2026-03-10T12:00:00+08:00",
            "2026-03-10T12:30:00+08:00, PT30M, WORKING, 2026-03-10T14:00:00+08:00",
            "2026-03-10T12:30:00+08:00, P1D,   WORKING, 2026-03-11T13:30:00+08:00",
            "2026-03-10T17:30:00+08:00, PT1M,  WORKING, 2026-03-11T08:31:00+08:00",
            "2026-03-10T08:29:00+08:00, PT1H,  WORKING, 2026-03-10T09:30:00+08:00",
            "2026-03-10T11:59:00+08:00, PT2M,  WORKING, 2026-03-10T13:31:00+08:00",
            "2026-03-10T08:30:00+08:00, PT7H30M, WORKING, 2026-03-10T17:30:00+08:00",
            "2026-03-10T09:00:00+08:00, PT7H30M, WORKING, 2026-03-11T09:00:00+08:00",
            "2026-03-10T09:00:00+08:00, P1DT1H, WORKING, 2026-03-11T10:00:00+08:00",
            // 中秋/国庆: 09-25..27 and 10-01..07 off, 09-20 and 10-10 worked
            "2026-09-24T10:00:00+08:00, P1D,   WORKING, 2026-09-28T10:00:00+08:00",
            "2026-09-18T16:00:00+08:00, P1D,   WORKING, 2026-09-20T16:00:00+08:00",
            "2026-09-19T10:00:00+08:00, P1D,   WORKING, 2026-09-21T08:30:00+08:00",
            "2026-09-30T16:00:00+08:00, PT2H,  WORKING, 2026-10-08T09:00:00+08:00",
            "2026-09-30T10:00:00+08:00, P3D,   WORKING, 2026-10-10T10:00:00+08:00",
            "2026-10-03T10:00:00+08:00, PT1H,  WORKING, 2026-10-08T09:30:00+08:00",
            "2026-09-24T17:00:00+08:00, PT1H,  WORKING, 2026-09-28T09:00:00+08:00",
            "2026-10-09T16:00:00+08:00, P2D,   WORKING, 2026-10-12T16:00:00+08:00",
            // 元旦 2026 (01-01..03 off, Sunday 01-04 worked) and year end (2027 not yet imported)
            "2025-12-31T16:00:00+08:00, P1D,   WORKING, 2026-01-04T16:00:00+08:00",
            "2026-12-31T16:00:00+08:00, P1D,   WORKING, 2027-01-01T16:00:00+08:00",
            "2026-12-31T17:00:00+08:00, PT1H,  WORKING, 2027-01-01T09:00:00+08:00",
            // clock mode is plain elapsed time, holidays or not
            "2026-02-14T10:00:00+08:00, PT1M,  CLOCK,   2026-02-14T10:01:00+08:00",
            "2026-09-30T23:50:00+08:00, PT24H, CLOCK,   2026-10-01T23:50:00+08:00",
            "2026-01-15T10:00:00+08:00, P1M,   CLOCK,   2026-02-15T10:00:00+08:00",
    })
    void deadline(String start, String duration, TimeMode mode, String expected) {
        Instant deadline = CAL.deadline(OffsetDateTime.parse(start).toInstant(), SlaDuration.parse(duration), mode);
        assertThat(deadline).isEqualTo(OffsetDateTime.parse(expected).toInstant());
    }

    @Test
    void importsEveryDayOffAndMakeUpDayOfTheNotice() {
        assertThat(CAL.daysOff()).hasSize(33)
                .contains(LocalDate.parse("2026-02-15"), LocalDate.parse("2026-02-23"), LocalDate.parse("2026-10-07"))
                .doesNotContain(LocalDate.parse("2026-02-24"), LocalDate.parse("2026-10-08"));
        assertThat(CAL.workdays()).containsExactlyInAnyOrder(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"),
                LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"),
                LocalDate.parse("2026-10-10"));
        assertThat(CAL.isWorkingDay(LocalDate.parse("2026-09-25"))).isFalse();
        assertThat(CAL.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
    }

    @Test
    void aLaterYearsNoticeMovesTheYearEndDeadline() {
        String ics2027 = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//test//CN
                BEGIN:VEVENT
                UID:y2027-1
                DTSTAMP:20260305T110113
                DTSTART;VALUE=DATE:20270101
                DTEND;VALUE=DATE:20270104
                SUMMARY:元旦(休)
                END:VEVENT
                END:VCALENDAR
                """;
        List<CalendarDay> days = new IcsParser().parse(ics2027);
        Set<LocalDate> off = new java.util.HashSet<>(CAL.daysOff());
        days.forEach(d -> off.add(d.date()));
        WorkingCalendar both = new WorkingCalendar("both", CAL.zone(), CAL.periods(), CAL.weekdays(), off, CAL.workdays());
        assertThat(both.deadline(OffsetDateTime.parse("2026-12-31T16:00:00+08:00").toInstant(), SlaDuration.parse("P1D"),
                TimeMode.WORKING)).isEqualTo(OffsetDateTime.parse("2027-01-04T16:00:00+08:00").toInstant());
    }

    @Test
    void workingTimeBetweenSkipsNightsLunchAndHolidays() {
        assertThat(CAL.workingTimeBetween(at("2026-09-30T16:00:00+08:00"), at("2026-10-08T16:00:00+08:00")))
                .isEqualTo(Duration.ofMinutes(450));
        assertThat(CAL.workingTimeBetween(at("2026-03-10T11:00:00+08:00"), at("2026-03-10T14:00:00+08:00")))
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(CAL.workingTimeBetween(at("2026-02-14T17:00:00+08:00"), at("2026-02-24T08:30:00+08:00")))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void warningsSitAtTheirShareOfWorkingTime() {
        TimerPlan plan = TimerPlan.compute(CAL, at("2026-09-30T10:00:00+08:00"), SlaDuration.parse("P3D"),
                TimeMode.WORKING, List.of(50, 80), List.of());
        assertThat(plan.deadline()).isEqualTo(at("2026-10-10T10:00:00+08:00"));
        assertThat(plan.warnings()).containsExactly(at("2026-10-08T15:15:00+08:00"), at("2026-10-09T14:30:00+08:00"));
    }

    @Test
    void aPauseMovesLaterInstantsByThePausedSpan() {
        Instant start = at("2026-03-10T09:00:00+08:00");
        TimerPlan clock = TimerPlan.compute(CAL, start, SlaDuration.parse("PT1H"), TimeMode.CLOCK, List.of(50),
                List.of(new PausedSpan(at("2026-03-10T09:10:00+08:00"), at("2026-03-10T09:40:00+08:00"))));
        assertThat(clock.warnings()).containsExactly(at("2026-03-10T10:00:00+08:00"));
        assertThat(clock.deadline()).isEqualTo(at("2026-03-10T10:30:00+08:00"));
        // Working mode: a pause over lunch costs only the working minutes inside it (11:30-12:00 and 13:30-14:00).
        TimerPlan working = TimerPlan.compute(CAL, start, SlaDuration.parse("PT4H"), TimeMode.WORKING, List.of(),
                List.of(new PausedSpan(at("2026-03-10T11:30:00+08:00"), at("2026-03-10T14:00:00+08:00"))));
        assertThat(working.deadline()).isEqualTo(at("2026-03-10T15:30:00+08:00"));
    }

    @Test
    void firingPointsPreferTheBreachOverStaleWarnings() {
        Instant deadline = at("2026-03-10T10:00:00+08:00");
        FiringPoints points = new FiringPoints(List.of(50, 80),
                List.of(at("2026-03-10T09:30:00+08:00"), at("2026-03-10T09:48:00+08:00")), deadline,
                Duration.ofMinutes(10), 3);
        assertThat(points.dueNow(0, at("2026-03-10T09:31:00+08:00"))).containsExactly(0);
        assertThat(points.dueNow(0, at("2026-03-10T10:25:00+08:00"))).containsExactly(2, 4);
        assertThat(points.dueNow(3, at("2026-03-10T11:00:00+08:00"))).containsExactly(5);
        assertThat(points.due(6)).isNull();
        assertThat(points.name(2)).isEqualTo("100");
        assertThat(points.name(4)).isEqualTo("R2");
    }

    @Test
    void aBrokenDocumentIsRefused() {
        IcsParser parser = new IcsParser();
        assertThatThrownBy(() -> parser.parse("BEGIN:VCALENDAR\nthis is not ical")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> parser.parse("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nEND:VCALENDAR\n"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SlaDuration.parse("3 days")).isInstanceOf(IllegalArgumentException.class);
    }

    static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    static WorkingCalendar calendar(String ics) {
        List<CalendarDay> days = new IcsParser().parse(ics);
        return new WorkingCalendar("default", WorkingCalendar.DEFAULT_ZONE, WorkingCalendar.DEFAULT_PERIODS,
                WorkingCalendar.DEFAULT_WEEKDAYS,
                days.stream().filter(d -> d.kind() == CalendarDay.Kind.OFF).map(CalendarDay::date).collect(Collectors.toSet()),
                days.stream().filter(d -> d.kind() == CalendarDay.Kind.WORK).map(CalendarDay::date).collect(Collectors.toSet()));
    }

    static String read(String resource) {
        try (InputStream in = WorkingCalendar2026Test.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
