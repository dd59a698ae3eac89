package vn.baucu.audit.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.baucu.platform.Authorization;

/**
 * The command {@code java -jar baucu.jar audit-verify}: recomputes the whole chain of the configured database, records
 * the day's checkpoint, prints the verdict and exits (0 intact, 1 broken) — for an operator's cron or a backup check.
 */
@Component
@Order(5)
class AuditCommand implements ApplicationRunner {

    private final AuditCheckpoints checkpoints;
    private final ConfigurableApplicationContext context;
    private final boolean command;

    AuditCommand(AuditCheckpoints checkpoints, ConfigurableApplicationContext context,
                 @Value("${baucu.audit.command:false}") boolean command) {
        this.checkpoints = checkpoints;
        this.context = context;
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!command) {
            return;
        }
        var v = Authorization.runAsSystem(checkpoints::check);
        System.out.println("baucu audit-verify: " + (v.intact() ? "INTACT" : "BROKEN at entry " + v.firstBroken())
                + ", " + v.entries() + " entries, head " + v.head());
        int code = v.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
