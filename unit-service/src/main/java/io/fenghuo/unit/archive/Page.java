package io.fenghuo.unit.archive;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items
 * @param page page number from 0
 * @param size page size
 * @param total number of items on all pages
 * @param <T> item type
 */
public record Page<T>(List<T> items, int page, int size, long total) {}
