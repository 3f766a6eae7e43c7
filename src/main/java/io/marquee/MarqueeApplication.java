package io.marquee;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MarqueeApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarqueeApplication.class, args);
    }
}
