package org.tradeflows.dataset;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tradeflows.config.DatasetConfig;

/** Loads the reference data, the ECB's exchange rates and the open story dataset on first start; later starts find them and skip. */
@ApplicationScoped
public class OpenDatasetStartup {

    private final ReferenceDataLoader reference;
    private final EcbRatesLoader rates;
    private final StoryDatasetLoader story;
    private final boolean loadAtStart;

    public OpenDatasetStartup(ReferenceDataLoader reference, EcbRatesLoader rates, StoryDatasetLoader story,
            DatasetConfig config) {
        this.reference = reference;
        this.rates = rates;
        this.story = story;
        this.loadAtStart = config.loadAtStart();
    }

    void onStart(@Observes StartupEvent event) {
        if (loadAtStart) {
            reference.loadIfAbsent();
            rates.loadIfAbsent(); // before the story: its figures are converted at these rates
            story.loadIfAbsent();
        }
    }
}
