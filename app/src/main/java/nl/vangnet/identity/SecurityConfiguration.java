package nl.vangnet.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.shared.Problems;
import nl.vangnet.shared.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that says who may reach which path. Two chains: the API (stateless, no cookies,
 * problem+json on refusal) and the web (public portal pages, the staff workspace behind form
 * login). Everything not named here is public only if it is a public page; staff paths always
 * need a login, admin paths the ADMIN role.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script or style anywhere; nothing from any other origin. */
    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    static final String PERMISSIONS_POLICY = SecurityHeaders.PERMISSIONS_POLICY;

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane); the {id} prefix
        // lets later versions raise the cost and re-hash on login without a migration.
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }

    @Bean
    AuthenticationManager authenticationManager(
            StaffUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle, AuditTrail audit) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle, audit));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * The staff case and referral API: staff clients use the same session as the workspace (form
     * login, session cookie), so CSRF protection applies; JSON clients read the token from {@code
     * GET /api/v1/cases/session} and send it in {@code X-CSRF-TOKEN}. Which case a staff member may
     * see is decided in the cases module's SQL (404 outside the scope), not here. API keys are not
     * accepted here: partner systems get no case data (see docs/adr/0032-case-registration.md).
     */
    @Bean
    @Order(0)
    SecurityFilterChain staffApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/cases", "/api/v1/cases/**", "/api/v1/referrals", "/api/v1/referrals/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (request, response, ex) -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED))
                        .accessDeniedHandler(
                                (request, response, ex) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)))
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives(SecurityHeaders.API_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            ApiClientManagement clients,
            ApiRateLimiter limiter,
            ApiKeyThrottle throttle,
            Problems problems,
            JsonMapper json)
            throws Exception {
        // Built here, not as a bean, so the servlet container does not also run it on every path.
        ApiKeyAuthenticationFilter apiKeys = new ApiKeyAuthenticationFilter(clients, limiter, throttle, problems, json);
        http.securityMatcher("/api/**")
                .addFilterBefore(apiKeys, AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/taxonomy", "/api/v1/taxonomy/**")
                        .permitAll()
                        // The help directory and anonymous help requests: public by design; the
                        // receipt look-up is throttled per client and globally in the intake module.
                        .requestMatchers("/api/v1/directory")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/help-requests", "/api/v1/help-requests/lookup")
                        .permitAll()
                        // Takedown figures: aggregates with small cells suppressed, for any API client.
                        .requestMatchers(HttpMethod.GET, "/api/v1/takedown/stats")
                        .authenticated()
                        // Platforms: each operation needs its own scope on the client's key.
                        .requestMatchers(HttpMethod.POST, "/api/v1/match")
                        .hasAuthority(ApiScope.MATCH.authority())
                        .requestMatchers(HttpMethod.GET, "/api/v1/hashes")
                        .hasAuthority(ApiScope.HASHES_READ.authority())
                        .requestMatchers(HttpMethod.POST, "/api/v1/match-feedback")
                        .hasAuthority(ApiScope.MATCH_FEEDBACK.authority())
                        .anyRequest()
                        .authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (request, response, ex) -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED))
                        .accessDeniedHandler(
                                (request, response, ex) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)))
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives(SecurityHeaders.API_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/staff/login", "/staff/login/**")
                        .permitAll()
                        .requestMatchers("/staff/matching", "/staff/matching/**")
                        .hasAnyRole(Role.HOTLINE.name(), Role.ADMIN.name())
                        .requestMatchers("/staff/admin", "/staff/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/staff/research", "/staff/research/**")
                        .hasAnyRole(Role.RESEARCHER.name(), Role.ADMIN.name())
                        // Takedown requests hold URLs of victims' images: hotline and administrators only.
                        .requestMatchers("/staff/takedown", "/staff/takedown/**")
                        .hasAnyRole(Role.HOTLINE.name(), Role.ADMIN.name())
                        .requestMatchers("/staff", "/staff/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .authenticationManager(authenticationManager)
                .formLogin(f -> f.loginPage("/staff/login")
                        .loginProcessingUrl("/staff/login")
                        .defaultSuccessUrl("/staff", true)
                        .failureHandler(new LoginFailureHandler()))
                .logout(l -> l.logoutUrl("/staff/logout")
                        .logoutSuccessUrl("/staff/login?logout")
                        .deleteCookies("VANGNET_SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e ->
                        e.accessDeniedHandler(new SessionExpiredHandler()).authenticationEntryPoint(loginEntryPoint()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Resource-Policy", "same-origin")));
        return http.build();
    }

    /**
     * The redirect to the login page, relative ({@code Location: /staff/login}): an absolute one
     * would be built from the request's Host header, which anyone can forge.
     */
    private static LoginUrlAuthenticationEntryPoint loginEntryPoint() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/staff/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }
}
