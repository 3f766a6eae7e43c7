package io.marquee.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Turns an {@link InvalidConfigurationException} anywhere in a start-up failure into one clear line, ahead of
 * Spring's binding analyzers (which would print the offending value, a secret).
 */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException>
        implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        return new FailureAnalysis(
                "Marquee cannot start: " + cause.getMessage() + ".",
                "Set " + cause.variable() + " (see README, Configuration).",
                null);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
