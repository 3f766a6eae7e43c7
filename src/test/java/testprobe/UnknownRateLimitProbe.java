package testprobe;

import io.marquee.platform.ratelimit.RateLimited;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint whose {@link RateLimited} names a limit that is not configured: the application must not start. */
@TestConfiguration(proxyBeanMethods = false)
public class UnknownRateLimitProbe {

    /** Registered as a member class of this configuration. */
    @RestController
    static class UnknownLimitController {

        @RateLimited("no-such-limit")
        @GetMapping("/api/probe/rl/unknown")
        String unknown() {
            return "never served";
        }
    }
}
