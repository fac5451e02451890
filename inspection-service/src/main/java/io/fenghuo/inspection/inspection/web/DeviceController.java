package io.fenghuo.inspection.inspection.web;

import io.fenghuo.inspection.inspection.InspectionDesk;
import io.fenghuo.inspection.inspection.Liveness;
import io.fenghuo.inspection.inspection.Views;
import io.fenghuo.starter.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** UITDs online and offline. */
@RestController
@Tag(name = "Devices", description = "UITD liveness, clock drift, poll schedule")
class DeviceController {

  private final InspectionDesk desk;

  DeviceController(InspectionDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/api/devices")
  @Operation(
      summary = "UITDs of the operator (or of a unit), optionally ONLINE, OFFLINE or UNKNOWN")
  List<Views.DeviceView> devices(
      Caller caller,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String liveness) {
    return desk.reads()
        .devices(
            CallerAccess.of(caller),
            operator,
            CallerAccess.unit("unit", unit),
            CallerAccess.enumOf(Liveness.class, "liveness", liveness));
  }
}
