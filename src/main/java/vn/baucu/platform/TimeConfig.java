package vn.baucu.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application, in Vietnam's time zone; tests replace it to make output reproducible. */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    @Bean
    Clock clock(@Value("${baucu.zone:Asia/Ho_Chi_Minh}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
