package nl.vangnet.shared;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Bounds the work Vangnet does at once (docs/adr/0016-back-pressure.md): the admission filter in
 * front of every request, and a small fixed pool for the modules' event listeners instead of one
 * virtual thread per event. Unbounded listener threads are what made 200 concurrent victims empty
 * the connection pool: every saved request started a hand-over at once. The hand-overs are durable
 * in the event publication registry, so a queue here loses nothing when the process dies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoadProperties.class)
class LoadConfiguration implements org.springframework.web.servlet.config.annotation.WebMvcConfigurer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LoadConfiguration.class);

    /** After Spring Security (order -100): security headers are set and the session is known. */
    static final int ADMISSION_ORDER = 0;

    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        registry.addInterceptor(WorkAdmission.refuseMarked())
                .order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    FilterRegistrationBean<WorkAdmission> workAdmission(LoadProperties settings, MeterRegistry meters) {
        FilterRegistrationBean<WorkAdmission> registration =
                new FilterRegistrationBean<>(new WorkAdmission(settings, meters));
        registration.setOrder(ADMISSION_ORDER);
        return registration;
    }

    /**
     * The executor behind {@code @Async} and {@code @ApplicationModuleListener}. On shutdown it
     * stops taking new hand-overs and lets the running and queued ones finish for a few seconds
     * before the connection pool closes; anything left is still incomplete in the registry and
     * resubmitted at the next start.
     */
    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(LoadProperties settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("vangnet-handover-");
        executor.setCorePoolSize(settings.listenerThreads());
        executor.setMaxPoolSize(settings.listenerThreads());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

    /**
     * A failed hand-over is logged by listener and exception class only: exception messages can
     * carry data of the request (a value in a SQL error, say), and victims' data stays out of logs.
     * The publication stays in the registry as failed and is delivered again (ADR 0015).
     */
    @Bean
    org.springframework.scheduling.annotation.AsyncConfigurer handOverFailures() {
        return new org.springframework.scheduling.annotation.AsyncConfigurer() {
            @Override
            public org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler
                    getAsyncUncaughtExceptionHandler() {
                return (error, method, params) -> log.warn(
                        "Hand-over {}.{} failed ({}); it will be delivered again",
                        method.getDeclaringClass().getSimpleName(),
                        method.getName(),
                        error.getClass().getName());
            }
        };
    }
}
