package testprobe;

import io.marquee.identity.VerifiedProfile;
import io.marquee.platform.errors.ConflictException;
import io.marquee.platform.errors.ForbiddenException;
import io.marquee.platform.errors.NotFoundException;
import io.marquee.platform.security.ApiSecurityCustomizer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Endpoints that exist only in tests (in a package outside io.marquee, so that only the tests importing this
 * configuration have them), to drive every error path of the platform through real HTTP: they sit outside
 * {@code /api} (public) except {@code /api/probe/admin}, which needs a role that the {@code X-Probe-User} header never
 * grants.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProbeEndpoints {

    @Bean
    CountingLookup countingLookup() {
        return new CountingLookup();
    }

    /** Authenticates a request carrying {@code X-Probe-User} as a user without roles. */
    @Bean
    ApiSecurityCustomizer probeSecurity() {
        return http -> http.addFilterBefore(
                        new OncePerRequestFilter() {
                            @Override
                            protected void doFilterInternal(
                                    HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                                    throws ServletException, IOException {
                                String user = request.getHeader("X-Probe-User");
                                if (user != null) {
                                    SecurityContextHolder.getContext()
                                            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                                    user, null, List.of()));
                                }
                                chain.doFilter(request, response);
                            }
                        },
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/api/probe/admin").hasRole("ADMIN"));
    }

    record SignUp(
            @NotBlank @Email String email,
            @Size(min = 8, max = 128) String password) {}

    record ProfileNote(
            @VerifiedProfile UUID profileId, @NotBlank String note) {}

    /** Registered as a member class of this configuration. */
    @RestController
    @RequestMapping
    static class ProbeController {

        private final JdbcClient jdbc;
        private final TransactionTemplate transactions;
        private final CountingLookup lookup;

        ProbeController(JdbcClient jdbc, CountingLookup lookup, PlatformTransactionManager transactions) {
            this.jdbc = jdbc;
            this.transactions = new TransactionTemplate(transactions);
            this.lookup = lookup;
        }

        @PostMapping("/probe/sign-up")
        Map<String, String> signUp(@Valid @RequestBody SignUp body) {
            return Map.of("email", body.email());
        }

        @GetMapping("/probe/page")
        Map<String, Integer> page(@RequestParam("page_size") @Min(1) @Max(100) int pageSize) {
            return Map.of("page_size", pageSize);
        }

        @GetMapping("/probe/items/{id}")
        Map<String, UUID> item(@PathVariable("id") UUID id) {
            throw new NotFoundException("Item not found");
        }

        @PostMapping("/probe/conflict")
        void conflict() {
            throw new ConflictException("Already there");
        }

        @GetMapping("/probe/forbidden")
        void forbidden() {
            throw new ForbiddenException("Profile not found or access denied");
        }

        @GetMapping("/probe/boom")
        void boom() {
            throw new IllegalStateException("secret internals: SELECT password FROM users");
        }

        @GetMapping("/probe/db")
        Map<String, Integer> db() {
            return Map.of("one", jdbc.sql("SELECT 1").query(Integer.class).single());
        }

        @GetMapping("/probe/db-transaction")
        Map<String, Integer> dbTransaction() {
            return transactions.execute(status ->
                    Map.of("one", jdbc.sql("SELECT 1").query(Integer.class).single()));
        }

        @GetMapping("/probe/hold")
        Map<String, Integer> hold(@RequestParam("seconds") int seconds) {
            return Map.of(
                    "slept",
                    jdbc.sql("SELECT 1 FROM pg_sleep(:s)")
                            .param("s", seconds)
                            .query(Integer.class)
                            .single());
        }

        @GetMapping("/probe/cached/{key}")
        Map<String, Object> cached(@PathVariable("key") String key) {
            return Map.of("value", lookup.lookup(key), "computed", lookup.computed(key));
        }

        @GetMapping("/api/probe/admin")
        Map<String, String> admin() {
            return Map.of("ok", "yes");
        }

        @GetMapping("/api/probe/profile")
        Map<String, Object> profileInQuery(@VerifiedProfile @RequestParam("profile_id") UUID profileId) {
            return Map.of("profile_id", profileId);
        }

        @GetMapping("/api/probe/optional-profile")
        Map<String, Object> optionalProfileInQuery(
                @VerifiedProfile @RequestParam(name = "profile_id", required = false) UUID profileId) {
            return Map.of("profile_id", String.valueOf(profileId));
        }

        @PostMapping("/api/probe/profile")
        Map<String, Object> profileInBody(@Valid @RequestBody ProfileNote body) {
            return Map.of("profile_id", body.profileId(), "note", body.note());
        }
    }

    /** Calls the cached lookup of {@code key}; answers how often it has really been computed so far. */
    public static int computations(RestTestClient http, String key) {
        return (Integer) http.get()
                .uri("/probe/cached/" + key)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Map.class)
                .getResponseBody()
                .get("computed");
    }

    /** A cached lookup that counts how often it really computes. */
    public static class CountingLookup {

        private final Map<String, AtomicInteger> computations = new java.util.concurrent.ConcurrentHashMap<>();

        @Cacheable(cacheNames = "probe", key = "#key")
        public String lookup(String key) {
            computations.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return "value-of-" + key;
        }

        public int computed(String key) {
            AtomicInteger n = computations.get(key);
            return n == null ? 0 : n.get();
        }
    }
}
