package io.marquee.platform.config;

/**
 * A setting that Marquee cannot start without is missing or unusable. The message names the environment variable
 * and never contains its value, so it is safe to print.
 */
public class InvalidConfigurationException extends RuntimeException {

    private final String variable;

    public InvalidConfigurationException(String variable, String problem) {
        super(variable + " " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
