package dev.scribe.writinganalysis.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.core.access.PurposeCode;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class SemanticChecksTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"Writing improvement", "writing - improvement", "  WRITING-improvement "})
    void purposeIsNormalised(String declared) {
        assertThat(SemanticChecks.purpose("purpose", declared))
                .isEqualTo(PurposeCode.WRITING_IMPROVEMENT);
    }

    @Test
    void unknownPurposeIsInvalid() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class, () -> SemanticChecks.purpose("purpose", "marketing"));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.rule()).isEqualTo("UNKNOWN_PURPOSE");
        assertThat(error.rejectedValue()).isEqualTo("length 9");
    }

    @Test
    void textWithoutTokenIsInvalid() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class, () -> SemanticChecks.requireToken("content", " ?! "));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.field()).isEqualTo("content");
        assertThatCode(() -> SemanticChecks.requireToken("content", "?a"))
                .doesNotThrowAnyException();
    }

    @Test
    void absentOptionsSelectEverySection() {
        SemanticChecks.SectionOptions sections = SemanticChecks.sections(null);

        assertThat(sections.includeStructure()).isTrue();
        assertThat(sections.includeSentiment()).isTrue();
        assertThat(sections.includeComplexity()).isTrue();
        assertThat(sections.retainContent()).isFalse();
        assertThat(sections.defaulted()).isTrue();
    }

    @Test
    void presentOptionsTurnMissingFlagsOff() {
        ObjectNode options = Json.object().put("includeSentiment", true);

        SemanticChecks.SectionOptions sections = SemanticChecks.sections(options);

        assertThat(sections.includeStructure()).isFalse();
        assertThat(sections.includeSentiment()).isTrue();
        assertThat(sections.includeComplexity()).isFalse();
        assertThat(sections.defaulted()).isFalse();
    }
}
