package vn.baucu.dashboard.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.baucu.dashboard.Dashboards;
import vn.baucu.election.Elections;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;

/**
 * The dashboard pages: the officials' dashboard of a unit (server-rendered, complete without JavaScript; with it, the
 * figures reload themselves on every change announced over the live stream, and the charts are drawn), the same
 * figures as a fragment for that reload, and the command-centre view for a big screen.
 */
@Controller
class DashboardPages {

    private final Dashboards dashboards;
    private final Elections elections;
    private final AdminUnits units;

    DashboardPages(Dashboards dashboards, Elections elections, AdminUnits units) {
        this.dashboards = dashboards;
        this.elections = elections;
        this.units = units;
    }

    @GetMapping("/elections/{id}/dashboard")
    String page(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit, Model model) {
        String village = village(id, unit);
        if (village != null) {
            return "redirect:/elections/" + id + "/polling-day/" + village;
        }
        show(model, dashboards.view(id, unit));
        return "dashboard/page";
    }

    @GetMapping("/elections/{id}/dashboard/panel")
    String panel(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit, Model model) {
        show(model, dashboards.view(id, unit));
        return "dashboard/page :: panel";
    }

    @GetMapping("/elections/{id}/dashboard/screen")
    String screen(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit, Model model) {
        show(model, dashboards.view(id, unit));
        return "dashboard/screen";
    }

    @GetMapping("/elections/{id}/dashboard/screen/panel")
    String screenPanel(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit, Model model) {
        show(model, dashboards.view(id, unit));
        return "dashboard/screen :: panel";
    }

    private static void show(Model model, Dashboards.Dashboard d) {
        model.addAttribute("d", d);
        model.addAttribute("at", java.time.LocalDateTime.ofInstant(d.asOf(), vn.baucu.counting.PollingDay.VIETNAM));
    }

    /** The code of a village asked for as the dashboard's unit: its polling-day page shows a single place. */
    private String village(long id, String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        return units.find(unit.strip(), elections.get(id).electionDay())
                .filter(u -> u.level() == UnitLevel.VILLAGE).map(u -> u.code()).orElse(null);
    }
}
