package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.RetainedContent;
import dev.scribe.writinganalysis.core.port.RetainedContentStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Retained-content store kept in memory. */
public final class InMemoryRetainedContentStore implements RetainedContentStore {

    private final List<RetainedContent> contents = new CopyOnWriteArrayList<>();

    @Override
    public void save(RetainedContent content) {
        contents.add(content);
    }

    public List<RetainedContent> all() {
        return List.copyOf(contents);
    }
}
