package cn.hotline.intake.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One catalogue entry to import (an administrator's import and the region's seed). */
public record CategoryImport(
        @NotBlank @Pattern(regexp = "^[0-9]{2,12}$") String code,
        @NotBlank @Size(max = 64) String name,
        @Pattern(regexp = "^[0-9]{2,12}$") String parentCode) {

    public CategoryView view() {
        return new CategoryView(code, name, parentCode);
    }
}
