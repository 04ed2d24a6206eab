package cn.hotline.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What the citizen says on the follow-up (回访): 满意, 基本满意, 不满意. One vocabulary for intake's API and
 * event and sla's satisfaction rate, so a name cannot drift between them; {@code BASIC} is the older API
 * spelling of {@link #BASICALLY_SATISFIED} and still accepted. JSON takes the names only: a digit is not read as
 * the enum's ordinal (Jackson's default would make "2" mean UNSATISFIED, against {@link #surveyDigit()}).
 */
public enum Satisfaction {
    SATISFIED("1"), BASICALLY_SATISFIED("2"), UNSATISFIED("3");

    private final String surveyDigit;

    Satisfaction(String surveyDigit) {
        this.surveyDigit = surveyDigit;
    }

    /** 满意 and 基本满意 count towards the satisfaction rate (domain.md "satisfaction rate"). */
    public boolean countsAsSatisfied() {
        return this != UNSATISFIED;
    }

    /** The digit a citizen replies to the SMS survey (1 满意 / 2 基本满意 / 3 不满意). */
    public String surveyDigit() {
        return surveyDigit;
    }

    /** The JSON reading: a name (or {@code BASIC}), else an error naming the allowed values. */
    @JsonCreator
    public static Satisfaction fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "value '" + text + "' is not valid; allowed: " + Arrays.toString(values())));
    }

    /** Reads a name (case-insensitive, {@code BASIC} as the alias); empty for anything else. */
    public static Optional<Satisfaction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        if ("BASIC".equals(name)) {
            return Optional.of(BASICALLY_SATISFIED);
        }
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
