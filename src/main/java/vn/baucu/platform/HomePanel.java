package vn.baucu.platform;

import java.util.Map;

/**
 * A panel another module contributes to the signed-in home page (e.g. the election module's overdue
 * milestones in the user's scope), so the platform shows it without depending on that module.
 */
public interface HomePanel {

    /** The template holding a fragment named {@code panel(data)}. */
    String template();

    Map<String, Object> data(CurrentUser user);
}
