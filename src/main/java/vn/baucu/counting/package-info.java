/**
 * Counting: polling day at each polling area or village meeting (opening, turnout at the reporting times,
 * incidents, closing) and the counting minutes, typed twice by two people, compared, resolved, certified and
 * frozen, corrected only as a new version, and printed as the official PDF. Depends on the election, candidates,
 * voters, audit and rules modules and the platform; the results module builds on the certified minutes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Counting")
package vn.baucu.counting;
