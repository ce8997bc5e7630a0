package dev.scribe.writinganalysis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the writing-analysis service (HTTP API over the analysis engine). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WritingAnalysisApplication {

    public static void main(String[] args) {
        SpringApplication.run(WritingAnalysisApplication.class, args);
    }
}
