package io.marquee.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.MarqueeApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the real application in a separate JVM with broken configuration and reads what an operator would see. */
class StartupConfigurationIT {

    record Outcome(int exitCode, String output) {}

    private static Outcome start(Map<String, String> environment) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), MarqueeApplication.class.getName())
                .redirectErrorStream(true);
        builder.environment().remove("JWT_SECRET");
        builder.environment().put("SERVER_PORT", "0");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    @Test
    void refusesToStartWithoutAJwtSecret() throws Exception {
        Outcome outcome = start(Map.of());
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output()).contains("Marquee cannot start: JWT_SECRET is not set.");
        assertThat(outcome.output()).doesNotContain("\tat ");
    }

    @Test
    void refusesAShortSecretWithoutPrintingIt() throws Exception {
        Outcome outcome = start(Map.of("JWT_SECRET", "only-31-bytes-long-secret-value"));
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output())
                .contains("Marquee cannot start: JWT_SECRET is shorter than 32 bytes.")
                .doesNotContain("only-31-bytes-long-secret-value")
                .doesNotContain("\tat ");
    }

    @Test
    void refusesToStartWithoutADatabase() throws Exception {
        Outcome outcome = start(Map.of("DATABASE_URL", "", "JWT_SECRET", "x".repeat(32)));
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output()).contains("DATABASE_URL is not set");
    }
}
