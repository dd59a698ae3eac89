package vn.baucu;

import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;

import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * baucu as its own JVM for the fault tests ({@link ApplicationKillIT}): the application itself, and, when
 * {@code BAUCU_TEST_BUILD=areas:N} is set, a frozen NA election with N polling areas of 300 voters and three clerks
 * built through the facades once it is up, printed as one {@code BUILT …} line on standard output.
 */
public final class KillableBaucu {

    private KillableBaucu() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = BaucuApplication.application(args).run(args);
        String build = System.getenv("BAUCU_TEST_BUILD");
        if (build != null && build.startsWith("areas:")) {
            int areas = Integer.parseInt(build.substring(6));
            UnitElections.Built u = context.getBean(UnitElections.class).frozen(300, areas);
            Users users = context.getBean(Users.class);
            String clerk1 = TestUsers.create(users, Role.COMMUNE_OFFICIAL, u.communeCode());
            String clerk2 = TestUsers.create(users, Role.COMMUNE_OFFICIAL, u.communeCode());
            String province = TestUsers.create(users, Role.PROVINCE_OFFICIAL, "22");
            System.out.println("BUILT " + u.electionId() + " " + u.communeCode() + " "
                    + u.areas().stream().map(String::valueOf).collect(Collectors.joining(",")) + " "
                    + u.candidateIds().stream().map(String::valueOf).collect(Collectors.joining(",")) + " "
                    + clerk1 + " " + clerk2 + " " + province);
            System.out.flush();
        }
    }
}
