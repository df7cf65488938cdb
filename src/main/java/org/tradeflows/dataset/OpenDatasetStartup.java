package org.tradeflows.dataset;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tradeflows.config.DatasetConfig;

/** Loads the reference data and the open story dataset on first start; later starts find them and skip. */
@ApplicationScoped
public class OpenDatasetStartup {

    private final ReferenceDataLoader reference;
    private final StoryDatasetLoader story;
    private final boolean loadAtStart;

    public OpenDatasetStartup(ReferenceDataLoader reference, StoryDatasetLoader story,
            DatasetConfig config) {
        this.reference = reference;
        this.story = story;
        this.loadAtStart = config.loadAtStart();
    }

    void onStart(@Observes StartupEvent event) {
        if (loadAtStart) {
            reference.loadIfAbsent();
            story.loadIfAbsent();
        }
    }
}
