package nl.vangnet.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control: at most {@code vangnet.load.max-concurrent} requests are worked on at once;
 * the others wait their turn in arrival order, up to {@code max-wait}. A request that does not get
 * its turn in time (or finds the queue full) is not worked on at all: it is marked, refused by
 * {@link #refuseMarked()} before its handler runs, and {@link BusyPage} answers 503 with
 * {@code Retry-After} — a calm page that keeps what was typed, or problem+json on the API. So overload shows as a polite "busy", never as a pool time-out
 * turning into a 500 halfway through saving. Static files are not counted.
 *
 * <p>Runs after Spring Security, so the security headers are already on the response and the
 * visitor's session and CSRF token are known to the busy page.
 */
class WorkAdmission extends OncePerRequestFilter {

    static final String BUSY_ATTRIBUTE = WorkAdmission.class.getName() + ".busy";

    private static final List<String> NOT_COUNTED =
            List.of("/css/", "/js/", "/webjars/", "/favicon", "/actuator/", "/error");

    private final LoadProperties settings;
    /** Package-visible so tests can occupy every turn and see the busy answer. */
    final Semaphore turns;

    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter shed;
    private final Timer waited;

    WorkAdmission(LoadProperties settings, MeterRegistry meters) {
        this.settings = settings;
        this.turns = new Semaphore(settings.maxConcurrent(), true);
        this.shed = Counter.builder("vangnet.load.shed")
                .description("Requests answered 'busy' because no turn came in time")
                .register(meters);
        this.waited = Timer.builder("vangnet.load.wait")
                .description("How long requests waited for their turn")
                .register(meters);
        Gauge.builder("vangnet.load.waiting", waiting, AtomicInteger::get)
                .description("Requests waiting for their turn now")
                .register(meters);
        Gauge.builder("vangnet.load.in-flight", turns, t -> settings.maxConcurrent() - t.availablePermits())
                .description("Requests being worked on now")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : NOT_COUNTED) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted = false;
        if (turns.tryAcquire()) {
            admitted = true;
        } else if (waiting.incrementAndGet() <= settings.maxQueued()) {
            long start = System.nanoTime();
            try {
                admitted = turns.tryAcquire(settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
                waited.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        } else {
            waiting.decrementAndGet();
        }
        if (!admitted) {
            // Not worked on: the handler is never called. The busy interceptor refuses it before
            // any argument is bound, and BusyPage renders the answer with the page layout.
            shed.increment();
            request.setAttribute(BUSY_ATTRIBUTE, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    /** Refuses a request the filter marked as not admitted, before its handler runs. */
    static org.springframework.web.servlet.HandlerInterceptor refuseMarked() {
        return new org.springframework.web.servlet.HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(BUSY_ATTRIBUTE) != null) {
                    throw new Busy("no turn in time");
                }
                return true;
            }
        };
    }
}
