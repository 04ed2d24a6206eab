package cn.hotline.routing.mapping;

import jakarta.validation.constraints.NotBlank;

/** Whose field link to issue: a person of the lead or an assisting unit. */
public record FieldLinkRequest(@NotBlank String personId) {
}
