package cn.hotline.routing.mapping;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** One unit as the import API and the seed take it: the unit, its people and its duty roster. */
public record UnitImport(
        @NotBlank String unitCode,
        @NotBlank String unitName,
        @NotBlank String kind,
        String level,
        @NotBlank String territoryCode,
        List<String> phones,
        String leaderId,
        List<String> contactIds,
        List<@Valid PersonImport> people,
        List<@Valid DutyImport> roster) {

    /** A person of the unit; {@code phone} is a mainland mobile number. */
    public record PersonImport(@NotBlank String personId, @NotBlank String name,
            @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "must be an 11-digit mobile number") String phone,
            @NotBlank String role) {
    }

    /** An on-duty window: days ({@code MON-FRI}, {@code SAT,SUN}) and local times {@code HH:mm}. */
    public record DutyImport(@NotBlank String personId, @NotBlank String days,
            @NotBlank @Pattern(regexp = "\\d{2}:\\d{2}", message = "must be HH:mm") String from,
            @NotBlank @Pattern(regexp = "\\d{2}:\\d{2}", message = "must be HH:mm") String to) {
    }

    public List<PersonImport> peopleOrEmpty() {
        return people == null ? List.of() : people;
    }

    public List<DutyImport> rosterOrEmpty() {
        return roster == null ? List.of() : roster;
    }
}
