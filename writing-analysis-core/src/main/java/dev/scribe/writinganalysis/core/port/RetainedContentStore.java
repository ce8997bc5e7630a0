package dev.scribe.writinganalysis.core.port;

/** Storage of retained writing content. */
public interface RetainedContentStore {

    void save(RetainedContent content);
}
