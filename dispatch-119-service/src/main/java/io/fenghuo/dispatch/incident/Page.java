package io.fenghuo.dispatch.incident;

import java.util.List;

/**
 * One page of results.
 *
 * @param items the page's items
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many match in all
 */
public record Page<T>(List<T> items, int page, int size, long total) {}
