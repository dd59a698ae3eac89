package vn.baucu.voters.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run confirmed voter-list imports: two at a time per node, a bounded queue (a full queue
 * refuses the confirmation rather than piling work up), stopped with the application context.
 */
@Configuration(proxyBeanMethods = false)
class ImportExecutorConfig {

    static final String VOTER_IMPORTS = "voterImports";

    @Bean(VOTER_IMPORTS)
    ThreadPoolTaskExecutor voterImports() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(50);
        executor.setThreadNamePrefix("voter-import-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
