package dev.scribe.writinganalysis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Binding and validation of the engine settings. */
class EnginePropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                    .withUserConfiguration(Binding.class);

    @Test
    void defaults_matchDocumentedValues() {
        runner.run(
                context -> {
                    EngineProperties properties = context.getBean(EngineProperties.class);

                    assertThat(properties.sensitivityThresholdHigh()).isEqualByComparingTo("0.9");
                    assertThat(properties.sensitivityThresholdMedium()).isEqualByComparingTo("0.7");
                    assertThat(properties.sensitivityThresholdLow()).isEqualByComparingTo("0.5");
                    assertThat(properties.educationalPurposeMinScore()).isEqualByComparingTo("0.8");
                    assertThat(properties.privacyEpsilon()).isEqualByComparingTo(BigDecimal.ONE);
                    assertThat(properties.privacyBudgetPerTarget()).isEqualByComparingTo("10");
                    assertThat(properties.maxAiContextLength()).isEqualTo(500);
                    assertThat(properties.aggregateMinCohortSize()).isEqualTo(10);
                    assertThat(properties.lowRiskDataTypes())
                            .containsExactly("aggregated_analytics", "course_data");
                    assertThat(properties.institutionDefaultTimeZone()).isEqualTo(ZoneId.of("UTC"));
                    assertThat(properties.systemClientToolAllowList()).isEmpty();
                });
    }

    @Test
    void unknownKey_failsStart() {
        runner.withPropertyValues("platform.writing-analysis.privacy-epsilom=2")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void groupSizeBelowFive_failsStart() {
        runner.withPropertyValues("platform.writing-analysis.aggregate-min-class-size=4")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void thresholdsOutOfOrder_failStart() {
        runner.withPropertyValues(
                        "platform.writing-analysis.sensitivity-threshold-low=0.8",
                        "platform.writing-analysis.sensitivity-threshold-medium=0.7")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void malformedBoolean_failsStart() {
        runner.withPropertyValues("platform.writing-analysis.block-direct-answers=yes")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void explicitBoolean_binds() {
        runner.withPropertyValues("platform.writing-analysis.block-direct-answers=FALSE")
                .run(
                        context ->
                                assertThat(
                                                context.getBean(EngineProperties.class)
                                                        .blockDirectAnswers())
                                        .isFalse());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EngineProperties.class)
    @Import(StrictBooleanSettings.class)
    static class Binding {}
}
