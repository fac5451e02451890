package io.fenghuo.gb26875.adu;

/** An empty ADU (L = 0), which table 1 allows for confirm, deny and similar command packets. */
public record NoData() implements ApplicationData {

  /** The one instance callers need. */
  public static final NoData INSTANCE = new NoData();

  @Override
  public int typeFlagValue() {
    return -1;
  }
}
