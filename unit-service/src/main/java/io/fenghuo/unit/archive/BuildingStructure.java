package io.fenghuo.unit.archive;

/** The structure of a building (GB 25506 app. B 2; codes after GA/T 974 消防信息代码). */
public enum BuildingStructure {
  /** 钢筋混凝土结构. */
  REINFORCED_CONCRETE,
  /** 钢结构. */
  STEEL,
  /** 钢-混凝土混合结构. */
  STEEL_CONCRETE,
  /** 砖混结构. */
  MASONRY_CONCRETE,
  /** 砖木结构. */
  MASONRY_TIMBER,
  /** 木结构. */
  TIMBER,
  /** 其他. */
  OTHER
}
