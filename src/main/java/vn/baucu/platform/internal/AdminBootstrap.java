package vn.baucu.platform.internal;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.baucu.platform.Role;
import vn.baucu.platform.Users;

/**
 * Creates the {@code admin} system administrator on first start. Its password is
 * {@code BAUCU_ADMIN_PASSWORD} when set; otherwise one is generated and printed once in the log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Users users;
    private final String configuredPassword;

    AdminBootstrap(Users users, @Value("${BAUCU_ADMIN_PASSWORD:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists("admin")) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        users.create("admin", "Quản trị hệ thống", Role.SYSTEM_ADMIN, null, password, "system");
        if (generated) {
            log.warn("\n\n  baucu: created user 'admin' with the generated password: {}\n"
                    + "  (shown only this once; set BAUCU_ADMIN_PASSWORD to choose it)\n", password);
        } else {
            log.info("baucu: created user 'admin' with the password from BAUCU_ADMIN_PASSWORD");
        }
    }

    static String generate() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
