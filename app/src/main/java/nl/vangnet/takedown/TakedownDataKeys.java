package nl.vangnet.takedown;

import nl.vangnet.shared.DataKeyColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the takedown module keeps wrapped data keys: one per case it holds URLs for. */
@Configuration
class TakedownDataKeys {

    @Bean
    DataKeyColumn takedownCaseKeys() {
        return DataKeyColumn.keys("takedown.case_key", "case_ref", "data_key");
    }
}
