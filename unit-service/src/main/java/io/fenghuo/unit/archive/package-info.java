/**
 * The networked units' electronic archive (GB 25506 appendix B, GB/T 26875.4): units, buildings,
 * key parts, UITDs, facility systems and points, and the application service {@link
 * io.fenghuo.unit.archive.UnitArchive} that every adapter calls. Plain Java: no Spring, JDBC or
 * Kafka types (an architecture test says so); Jakarta Bean Validation declares the input rules once
 * for the JSON API and the CSV import.
 */
package io.fenghuo.unit.archive;
