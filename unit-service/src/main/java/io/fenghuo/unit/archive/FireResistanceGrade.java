package io.fenghuo.unit.archive;

/** 耐火等级 of a building (GB 50016): grade I is the most resistant. */
public enum FireResistanceGrade {
  I,
  II,
  III,
  IV
}
