package cn.hotline.routing.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A sign relayed from an SMS reply: whose reply it was (a person of the lead unit) and the relay's note. */
public record ReplySignRequest(@NotBlank @Size(max = 64) String personId, @Size(max = 200) String note) {
}
