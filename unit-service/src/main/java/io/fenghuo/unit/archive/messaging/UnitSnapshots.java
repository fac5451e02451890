package io.fenghuo.unit.archive.messaging;

import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.unit.archive.ArchiveSnapshot;
import io.fenghuo.unit.archive.FacilitySystem;
import io.fenghuo.unit.archive.Person;
import io.fenghuo.unit.archive.UnitProfile;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps the archive's snapshot of a unit to the unit stream's event record. */
final class UnitSnapshots {

  private UnitSnapshots() {}

  static UnitArchiveChanged toEvent(ArchiveSnapshot s) {
    UnitProfile p = s.unit().profile();
    Map<String, FacilitySystem> systems =
        s.systems().stream().collect(Collectors.toMap(FacilitySystem::id, Function.identity()));
    return new UnitArchiveChanged(
        s.unit().id(),
        s.unit().version(),
        s.unit().updatedAt(),
        p.name(),
        p.creditCode(),
        p.category(),
        p.districtCode(),
        p.address(),
        p.coordinates() == null
            ? null
            : new UnitArchiveChanged.Coordinates(
                p.coordinates().latitude(), p.coordinates().longitude()),
        p.phone(),
        p.controlRoomPhone(),
        person(p.safetyResponsible()),
        person(p.safetyManager()),
        p.contacts().stream()
            .map(c -> new UnitArchiveChanged.Contact(c.name(), c.role(), c.phone()))
            .toList(),
        p.operatorContract() == null
            ? null
            : new UnitArchiveChanged.ContractPeriod(
                p.operatorContract().from(), p.operatorContract().to()),
        p.maintenance() == null
            ? null
            : new UnitArchiveChanged.MaintenanceContract(
                p.maintenance().company(),
                p.maintenance().phone(),
                p.maintenance().from(),
                p.maintenance().to()),
        s.buildings().stream()
            .map(
                b ->
                    new UnitArchiveChanged.Building(
                        b.id(), b.name(), b.floorsAbove(), b.floorsBelow()))
            .toList(),
        s.devices().stream()
            .map(d -> new UnitArchiveChanged.DeviceBinding(d.address(), d.model(), d.profile()))
            .toList(),
        s.systems().stream()
            .map(
                sys ->
                    new UnitArchiveChanged.FacilitySystem(
                        sys.device(), sys.systemType(), sys.systemAddress(), sys.name()))
            .toList(),
        s.points().stream()
            .map(
                sp -> {
                  FacilitySystem sys = systems.get(sp.systemId());
                  return new UnitArchiveChanged.PointLocation(
                      sys.device(),
                      PointRef.component(
                          sys.systemType(),
                          sys.systemAddress(),
                          sp.point().componentType(),
                          sp.point().componentAddress()),
                      sp.point().location(),
                      sp.point().buildingId(),
                      sp.point().floor(),
                      sp.point().zone());
                })
            .toList());
  }

  private static UnitArchiveChanged.Person person(Person person) {
    return person == null ? null : new UnitArchiveChanged.Person(person.name(), person.phone());
  }
}
