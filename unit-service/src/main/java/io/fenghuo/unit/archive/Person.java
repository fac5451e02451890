package io.fenghuo.unit.archive;

import io.fenghuo.unit.archive.validation.Phone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A named person of the unit's fire-safety organisation (GB 25506 app. B 1). The identity card
 * number the appendix lists is not kept: nothing in monitoring needs it, and holding it would make
 * the archive personal-information-sensitive under PIPL.
 *
 * @param name the name; required
 * @param phone a phone number, or null
 */
public record Person(@NotBlank @Size(max = 100) String name, @Phone String phone) {}
