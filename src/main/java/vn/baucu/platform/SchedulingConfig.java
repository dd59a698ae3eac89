package vn.baucu.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic work (heartbeats of background jobs, reaping jobs of stopped nodes); every task is safe on several nodes. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
