package vn.baucu.results.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published results document arranged for the portal's pages, one administrative level at a time: each unit with
 * the units directly under it and the contests held in it (a village's contest in its commune, an electoral unit's in
 * its province), so that the national page shows the provinces, a province page its districts or communes, and a
 * commune page its villages, instead of every commune and contest of the country on one page. Made once per snapshot
 * (an immutable document), without the contests' minutes lists, which only the contest page shows.
 *
 * <p>The election's own page is the page of its one top unit when it has one (the province of a provincial election,
 * the commune of a village's); a national election has many (the provinces), and its page lists them. A contest whose
 * unit is not among the units is shown on the election's page, so that nothing published is out of reach.
 */
record PortalTree(Map<String, Object> election, Map<String, Object> summary, Map<String, Map<String, Object>> units,
                  Map<String, List<Map<String, Object>>> children, Map<String, List<Map<String, Object>>> contests,
                  List<Map<String, Object>> roots, List<Map<String, Object>> unplaced) {

    /** What one page shows: its unit (null for a national election's page), the units under it and its contests. */
    record Level(Map<String, Object> unit, List<Map<String, Object>> units, List<Map<String, Object>> contests,
                 List<Map<String, Object>> crumbs) {
    }

    @SuppressWarnings("unchecked")
    static PortalTree of(Map<String, Object> doc) {
        Map<String, Map<String, Object>> units = new LinkedHashMap<>();
        for (Map<String, Object> u : (List<Map<String, Object>>) doc.get("units")) {
            units.put((String) u.get("code"), u);
        }
        Map<String, List<Map<String, Object>>> children = new HashMap<>();
        List<Map<String, Object>> roots = new ArrayList<>();
        for (Map<String, Object> u : units.values()) {
            Object parent = u.get("parentCode");
            if (parent != null && units.containsKey(parent)) {
                children.computeIfAbsent((String) parent, k -> new ArrayList<>()).add(u);
            } else {
                roots.add(u);
            }
        }
        Map<String, List<Map<String, Object>>> contests = new HashMap<>();
        List<Map<String, Object>> unplaced = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("contests")) {
            Map<String, Object> line = new LinkedHashMap<>(c);
            line.remove("minutes");
            Object unit = line.get("unitCode");
            if (unit != null && units.containsKey(unit)) {
                contests.computeIfAbsent((String) unit, k -> new ArrayList<>()).add(line);
            } else {
                unplaced.add(line);
            }
        }
        return new PortalTree((Map<String, Object>) doc.get("election"), (Map<String, Object>) doc.get("summary"), units,
                children, contests, List.copyOf(roots), List.copyOf(unplaced));
    }

    /** The election's page: its one top unit's level, or the list of its top units. */
    Level top() {
        if (roots.size() == 1) {
            Map<String, Object> root = roots.get(0);
            List<Map<String, Object>> here = new ArrayList<>(unplaced);
            here.addAll(contests.getOrDefault((String) root.get("code"), List.of()));
            return new Level(root, children.getOrDefault((String) root.get("code"), List.of()), here, List.of());
        }
        return new Level(null, roots, unplaced, List.of());
    }

    /** A unit's page, with the units above it (below the election's own page) for the crumbs; null if not published. */
    Level at(String code) {
        Map<String, Object> unit = units.get(code);
        if (unit == null) {
            return null;
        }
        return new Level(unit, children.getOrDefault(code, List.of()), contests.getOrDefault(code, List.of()), above(code));
    }

    /** The units above {@code code}, top first, leaving out the one top unit the election's page already is. */
    List<Map<String, Object>> above(String code) {
        List<Map<String, Object>> chain = new ArrayList<>();
        Map<String, Object> u = units.get(code);
        while (u != null && u.get("parentCode") != null) {
            u = units.get(u.get("parentCode"));
            if (u != null) {
                chain.add(0, u);
            }
        }
        if (roots.size() == 1 && !chain.isEmpty() && chain.get(0) == roots.get(0)) {
            chain.remove(0);
        }
        return chain;
    }

    /** The unit a contest is held in and the units above it, for a contest page's crumbs. */
    List<Map<String, Object>> aboveContest(Map<String, Object> contest) {
        Object code = contest.get("unitCode");
        if (code == null || !units.containsKey(code)) {
            return List.of();
        }
        List<Map<String, Object>> chain = new ArrayList<>(above((String) code));
        if (!(roots.size() == 1 && units.get(code) == roots.get(0))) {
            chain.add(units.get(code));
        }
        return chain;
    }
}
