package nl.vangnet.cases;

import nl.vangnet.shared.DataKeyColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the cases module keeps wrapped data keys: one per case file (gone once the victim's data is erased). */
@Configuration
class CaseDataKeys {

    @Bean
    DataKeyColumn caseFileDataKeys() {
        return DataKeyColumn.keys("cases.case_file", "id", "data_key");
    }
}
