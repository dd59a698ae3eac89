package vn.baucu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * baucu: election administration for Vietnam's village-head, National Assembly / People's Council
 * and Party cell elections.
 *
 * <p>Run with no {@code DB_URL} and the application starts its own PostgreSQL (the embedded
 * default) and listens on 127.0.0.1 only. The argument {@code demo-data} loads the demo data set
 * into whatever database is configured and exits; {@code verify <download.zip>} checks an open-data download
 * with the rules engine alone and exits.
 */
@SpringBootApplication
public class BaucuApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            // the independent verifier: no database, no Spring, only the rules engine over the download
            System.exit(vn.baucu.verifier.Verifier.run(args, System.out));
        }
        application(args).run(args);
    }

    static SpringApplication application(String[] args) {
        var app = new SpringApplication(BaucuApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        if (isBlank(System.getenv("DB_URL")) && isBlank(System.getProperty("DB_URL"))) {
            // the embedded default is a single-user workstation set-up: never expose it on the network
            defaults.put("server.address", "127.0.0.1");
        }
        if (Arrays.asList(args).contains("audit-verify")) {
            defaults.put("spring.main.web-application-type", "none");
            defaults.put("baucu.audit.command", "true");
            defaults.put("baucu.demo.on-first-start", "false");
        }
        if (Arrays.asList(args).contains("demo-data")) {
            defaults.put("spring.main.web-application-type", "none");
            defaults.put("baucu.demo.command", "true");
        }
        app.setDefaultProperties(defaults);
        return app;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
