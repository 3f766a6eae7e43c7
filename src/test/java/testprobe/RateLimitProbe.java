package testprobe;

import io.marquee.platform.ratelimit.RateLimited;
import io.marquee.platform.ratelimit.RateLimited.Per;
import io.marquee.platform.security.ApiSecurityCustomizer;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only {@code /api} endpoints under the limits {@code probe} (fails open) and {@code probe-closed} (fails
 * closed), one per kind of key, plus one without {@link RateLimited} (the {@code general} limit). The IP-keyed ones
 * are open to anonymous callers, like sign-in; the others need {@code X-Probe-User} (import {@link ProbeEndpoints}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RateLimitProbe {

    @Bean
    ApiSecurityCustomizer rateLimitProbeSecurity() {
        return http -> http.authorizeHttpRequests(a ->
                a.requestMatchers("/api/probe/rl/ip", "/api/probe/rl/closed").permitAll());
    }

    /** Registered as a member class of this configuration. */
    @RestController
    static class RateLimitProbeController {

        @RateLimited("probe")
        @GetMapping("/api/probe/rl/user")
        Map<String, String> user() {
            return Map.of("ok", "user");
        }

        @RateLimited(value = "probe", per = Per.IP)
        @GetMapping("/api/probe/rl/ip")
        Map<String, String> ip() {
            return Map.of("ok", "ip");
        }

        @RateLimited(value = "probe-closed", per = Per.IP)
        @GetMapping("/api/probe/rl/closed")
        Map<String, String> closed() {
            return Map.of("ok", "closed");
        }

        @RateLimited(value = "probe", per = Per.PARAMETER, parameter = "profile_id")
        @GetMapping("/api/probe/rl/profiles")
        Map<String, String> profile(@RequestParam(name = "profile_id", required = false) String profileId) {
            return Map.of("ok", "profile");
        }

        @RateLimited(value = "probe", per = Per.PARAMETER, parameter = "id")
        @GetMapping("/api/probe/rl/sessions/{id}")
        Map<String, String> session(@PathVariable("id") String id) {
            return Map.of("ok", "session");
        }

        @GetMapping("/api/probe/rl/plain")
        Map<String, String> plain() {
            return Map.of("ok", "plain");
        }
    }
}
