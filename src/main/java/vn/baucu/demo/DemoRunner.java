package vn.baucu.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.baucu.platform.Authorization;

/**
 * Loads the demo set on the first start of the embedded default, or — with the {@code demo-data}
 * argument — into whatever database is configured, then exits.
 */
@Component
@Order(10)
class DemoRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

    private final DemoData demo;
    private final Environment environment;
    private final ConfigurableApplicationContext context;
    private final boolean onFirstStart;
    private final boolean command;

    DemoRunner(DemoData demo, Environment environment, ConfigurableApplicationContext context,
               @Value("${baucu.demo.on-first-start:true}") boolean onFirstStart,
               @Value("${baucu.demo.command:false}") boolean command) {
        this.demo = demo;
        this.environment = environment;
        this.context = context;
        this.onFirstStart = onFirstStart;
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (command) {
            Authorization.runAsSystem(demo::load);
            int code = SpringApplication.exit(context, () -> 0);
            log.info("baucu demo: command finished");
            System.exit(code);
        }
        boolean embedded = environment.getProperty("DB_URL", "").isBlank();
        if (embedded && onFirstStart && !demo.loaded()) {
            Authorization.runAsSystem(demo::load);
        }
    }
}
