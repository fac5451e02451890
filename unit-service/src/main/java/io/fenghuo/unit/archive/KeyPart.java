package io.fenghuo.unit.archive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A fire-safety key part (消防安全重点部位, GB 25506 app. B 3), e.g. the boiler room or the kitchen;
 * patrols and inspections of the compliance work will check it.
 *
 * @param id assigned by the service; ignored on input
 * @param name required
 * @param buildingId the building it is in, or null
 * @param location where it is; required
 * @param use what it is used for; optional
 * @param responsible who is responsible for it; optional
 * @param fireHazard its fire hazard (火灾危险性); optional
 */
public record KeyPart(
    String id,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 64) String buildingId,
    @NotBlank @Size(max = 500) String location,
    @Size(max = 200) String use,
    @Valid Person responsible,
    @Size(max = 500) String fireHazard) {

  /** This key part with the given id. */
  public KeyPart withId(String newId) {
    return new KeyPart(newId, name, buildingId, location, use, responsible, fireHazard);
  }
}
