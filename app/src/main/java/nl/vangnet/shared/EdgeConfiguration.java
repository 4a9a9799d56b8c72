package nl.vangnet.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge of the application: what answers when a request is refused before, or fails around,
 * the application's own code. Tomcat's error report is replaced by ours, and the error page never
 * reads a request body (docs/adr/0034).
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /**
     * Puts {@link ContainerErrorReport} in the host's pipeline in place of any {@link
     * ErrorReportValve} (Tomcat's default, or the one Spring Boot adds), and tells the host not to
     * add its own. Runs last, after Spring Boot's own customizers.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorReport(
            ObjectProvider<PlainErrorPage> pages) {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Container parent = context.getParent();
                    if (parent instanceof StandardHost host) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                        host.setErrorReportValveClass(ContainerErrorReport.class.getName());
                        host.getPipeline().addValve(new ContainerErrorReport(pages));
                    }
                });
            }
        };
    }

    /**
     * On the error dispatch, request parameters come from the query string only. Reading the
     * body there (a language parameter, say) would fail on exactly the requests that got a 413,
     * and turn a calm "too large" page into Tomcat's.
     */
    @Bean
    FilterRegistrationBean<QueryOnlyParameters> errorDispatchParameters() {
        FilterRegistrationBean<QueryOnlyParameters> registration =
                new FilterRegistrationBean<>(new QueryOnlyParameters());
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.ERROR));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class QueryOnlyParameters extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new QueryParametersRequest(request), response);
        }
    }

    private static final class QueryParametersRequest extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        QueryParametersRequest(HttpServletRequest request) {
            super(request);
            this.parameters = parse(request.getQueryString());
        }

        private static Map<String, String[]> parse(@Nullable String query) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (query != null && query.length() <= 4096) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
                    if (name != null && value != null && !name.isEmpty()) {
                        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    }
                }
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            values.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
            return Collections.unmodifiableMap(result);
        }

        private static @Nullable String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}
