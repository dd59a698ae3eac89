/**
 * Pure text rules shared by every module (Vietnamese name normalisation and matching). No Spring, no
 * JDBC: an architecture test keeps every {@code rules} package so.
 */
@org.springframework.modulith.NamedInterface("rules")
package vn.baucu.platform.rules;
