package nl.vangnet.referral;

import nl.vangnet.shared.DataKeyColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the referral module keeps wrapped data keys: one per referral with a hand-over note. */
@Configuration
class ReferralDataKeys {

    @Bean
    DataKeyColumn referralNoteKeys() {
        return DataKeyColumn.keys("referral.referral", "id", "data_key");
    }
}
