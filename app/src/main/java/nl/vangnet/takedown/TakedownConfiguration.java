package nl.vangnet.takedown;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TakedownProperties.class)
@EnableScheduling
class TakedownConfiguration {

    /** The system resolver unless a test supplies its own table of names. */
    @Bean
    OutboundFetcher outboundFetcher(ObjectProvider<HostResolver> resolver, TakedownProperties properties) {
        return new OutboundFetcher(
                resolver.getIfAvailable(HostResolver::system),
                AddressPolicy.of(properties.fetch()),
                properties.fetch());
    }
}
