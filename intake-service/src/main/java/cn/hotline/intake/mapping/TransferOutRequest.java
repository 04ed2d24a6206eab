package cn.hotline.intake.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Hand a police matter to 110: why, and to whom (default {@code 110}). */
public record TransferOutRequest(
        @NotBlank @Size(max = 500) @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE) String reason,
        @Size(max = 32) @Pattern(regexp = Patterns.LINE, message = Patterns.LINE_MESSAGE) String target) {
}
