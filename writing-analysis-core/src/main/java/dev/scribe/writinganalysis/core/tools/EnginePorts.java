package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.ConsentStore;
import dev.scribe.writinganalysis.core.port.CourseDirectory;
import dev.scribe.writinganalysis.core.port.DpAnswerCache;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import dev.scribe.writinganalysis.core.port.NoiseSource;
import dev.scribe.writinganalysis.core.port.PrivacyBudgetLedger;
import dev.scribe.writinganalysis.core.port.ReflectionStore;
import dev.scribe.writinganalysis.core.port.RetainedContentStore;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import java.time.Clock;
import java.util.Objects;

/** The ports and the clock the tools work with. */
public record EnginePorts(
        CourseDirectory directory,
        ConsentStore consents,
        ReflectionStore reflections,
        WritingSessionStore sessions,
        RetainedContentStore retainedContent,
        AuditTrailStore auditTrail,
        PrivacyBudgetLedger budgets,
        DpAnswerCache dpAnswers,
        EventPublisher events,
        Clock clock,
        NoiseSource noise) {

    public EnginePorts {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(reflections, "reflections");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(retainedContent, "retainedContent");
        Objects.requireNonNull(auditTrail, "auditTrail");
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(dpAnswers, "dpAnswers");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(noise, "noise");
    }
}
