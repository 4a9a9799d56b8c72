package nl.vangnet.intake;

import nl.vangnet.shared.DataKeyColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the intake module keeps wrapped data keys: one per help request. */
@Configuration
class IntakeDataKeys {

    @Bean
    DataKeyColumn helpRequestDataKeys() {
        return DataKeyColumn.keys("intake.help_request", "id", "data_key");
    }
}
