/**
 * Demo data: a deterministic Quảng Ninh for the seed scenario (the province-wide village head election
 * of 5/6/2022) — villages under the old 13 districts and 171 communes, household representatives with
 * realistic names — loaded on first start on the embedded default, or by the {@code demo-data} command
 * on any database. Depends on the facades of geography, voters and the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package vn.baucu.demo;
