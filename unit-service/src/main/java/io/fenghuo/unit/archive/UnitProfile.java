package io.fenghuo.unit.archive;

import io.fenghuo.contracts.unit.UnitCategory;
import io.fenghuo.unit.archive.validation.CreditCode;
import io.fenghuo.unit.archive.validation.DistrictCode;
import io.fenghuo.unit.archive.validation.Phone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The basic data of a networked unit (GB 25506 app. B 1 基本情况, GB/T 26875.4).
 *
 * @param name registered name; required
 * @param creditCode unified social credit code (统一社会信用代码, GB 32100-2015), check character verified;
 *     optional
 * @param category the fire-safety category, deciding the compliance schedule; required
 * @param districtCode administrative district (GB/T 2260, 6 digits); required
 * @param address street address; required
 * @param coordinates map position; optional
 * @param phone the unit's phone; optional
 * @param controlRoomPhone the fire control room's phone, called first to confirm an alarm; optional
 * @param legalRepresentative 法定代表人; optional
 * @param safetyResponsible 消防安全责任人; optional
 * @param safetyManager 消防安全管理人; optional
 * @param contacts further contacts in calling order; null means none
 * @param staffCount number of staff; optional
 * @param floorArea total floor area in m²; optional
 * @param operatorContract the monitoring service contract with the operator; optional
 * @param maintenance the maintenance company contract; optional
 */
public record UnitProfile(
    @NotBlank @Size(max = 200) String name,
    @CreditCode String creditCode,
    @NotNull UnitCategory category,
    @NotNull @DistrictCode String districtCode,
    @NotBlank @Size(max = 500) String address,
    @Valid Coordinates coordinates,
    @Phone String phone,
    @Phone String controlRoomPhone,
    @Valid Person legalRepresentative,
    @Valid Person safetyResponsible,
    @Valid Person safetyManager,
    @Size(max = 20) List<@Valid @NotNull Contact> contacts,
    @PositiveOrZero @Max(1_000_000) Integer staffCount,
    @PositiveOrZero @DecimalMax("100000000") BigDecimal floorArea,
    @Valid ContractPeriod operatorContract,
    @Valid MaintenanceContract maintenance) {

  /** Null contacts become an empty list. */
  public UnitProfile {
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
  }
}
