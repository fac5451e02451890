package io.fenghuo.unit.archive;

import java.time.LocalDate;

/** Something that runs from one day to another, both ends optional. */
public interface Period {

  /** First day, or null. */
  LocalDate from();

  /** Last day, or null. */
  LocalDate to();
}
