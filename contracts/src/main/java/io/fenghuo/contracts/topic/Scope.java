package io.fenghuo.contracts.topic;

/** Where a stream lives on the regional bus (ARCHITECTURE.md §3). */
public enum Scope {
  /** One operator's namespace, {@code fire.op.<operatorId>.}: one prefixed ACL covers all of it. */
  OPERATOR("fire.op."),
  /** Region-wide streams of the fire supervision authority, {@code fire.region.}. */
  REGION("fire.region."),
  /** The boundary with the city's 119 command centre, {@code fire.119.}. */
  CENTRE_119("fire.119.");

  private final String prefix;

  Scope(String prefix) {
    this.prefix = prefix;
  }

  /** The fixed part every topic of this scope starts with, dot included. */
  public String prefix() {
    return prefix;
  }
}
