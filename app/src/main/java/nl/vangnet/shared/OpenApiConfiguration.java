package nl.vangnet.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header and the API-key scheme platforms and partners use. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The server is the configured public base URL, never one derived from the request's Host header. */
    @Bean
    OpenAPI vangnetOpenApi(VangnetProperties properties) {
        return new OpenAPI()
                .servers(List.of(
                        new Server().url(properties.publicBaseUrl().toString()).description("Vangnet")))
                .info(new Info()
                        .title("Vangnet API")
                        .version("v1")
                        .description("Taxonomy, help requests, hash matching and the hash delta feed. Errors are"
                                + " RFC 9457 problem+json in Dutch or English (Accept-Language).")
                        .license(new License().name("EUPL-1.2")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")
                                        .description("A key created by a Vangnet administrator (vgk_...). "
                                                + "Authorization: Bearer <key> works too.")));
    }
}
