package nl.vangnet.shared;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VangnetProperties.class)
@EnableScheduling
class SharedConfiguration {

    /** All time-based behaviour reads this clock, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
