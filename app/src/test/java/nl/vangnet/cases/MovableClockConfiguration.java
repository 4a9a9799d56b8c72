package nl.vangnet.cases;

import nl.vangnet.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock with one the test moves (deadlines, reminders, retention). */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

    @Bean
    @Primary
    public MovableClock movableClock() {
        return new MovableClock();
    }
}
