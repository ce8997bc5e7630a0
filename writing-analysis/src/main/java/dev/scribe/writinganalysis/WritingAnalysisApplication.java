package dev.scribe.writinganalysis;

import dev.scribe.writinganalysis.api.McpStdio;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the writing-analysis service (HTTP API over the analysis engine). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WritingAnalysisApplication {

    /**
     * Starts the HTTP service, or the MCP stdio server when the arguments contain {@code
     * --transport=stdio}.
     */
    public static void main(String[] args) throws InterruptedException {
        if (McpStdio.requested(args)) {
            McpStdio.run(WritingAnalysisApplication.class, args);
            return;
        }
        SpringApplication.run(WritingAnalysisApplication.class, args);
    }
}
