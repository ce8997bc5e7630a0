package dev.scribe.writinganalysis.core.reflection;

/** The five reflection dimensions, each an integer from 0 to 100. */
public record Dimensions(
        int depth, int selfAwareness, int criticalThinking, int growthMindset, int specificity) {}
