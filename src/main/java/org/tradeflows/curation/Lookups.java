package org.tradeflows.curation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CompanyRecord;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.SanctionRecord;
import org.tradeflows.model.SourceRecord;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.SanctionStore;
import org.tradeflows.store.SourceStore;

/** Finds the records a correction names by global id, locked for the transaction; errors name the input field. */
@ApplicationScoped
public class Lookups {

    private final CompanyStore companies;
    private final SanctionStore sanctions;
    private final SourceStore sources;

    public Lookups(CompanyStore companies, SanctionStore sanctions, SourceStore sources) {
        this.companies = companies;
        this.sanctions = sanctions;
        this.sources = sources;
    }

    public long key(String field, String id, String type) {
        try {
            return GlobalId.numeric(id, type, field);
        } catch (BadUserInputException e) {
            throw e.getMessage().startsWith(field) ? e : new BadUserInputException(field + ": " + e.getMessage());
        }
    }

    /** A company that has not been merged into another (corrections go to the survivor). */
    public CompanyRecord liveCompany(String field, String id) {
        var locked = companies.lock(key(field, id, "Company"))
                .orElseThrow(() -> new NotFoundException(field + ": no company with the id '" + id + "'"));
        locked.getValue().ifPresent(into -> {
            throw new BadUserInputException(field + ": the company was merged into " + GlobalId.of("Company", into)
                    + "; correct that one, or undo the merge first");
        });
        return locked.getKey();
    }

    public SourceRecord source(String field, String id) {
        return sources.byIds(List.of(key(field, id, "Source"))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException(field + ": no source with the id '" + id + "'"));
    }

    public Long optionalSourceId(String field, String id) {
        return id == null ? null : source(field, id).id();
    }

    public SanctionRecord sanction(String field, String id) {
        return sanctions.lock(key(field, id, "Sanction"))
                .orElseThrow(() -> new NotFoundException(field + ": no sanction with the id '" + id + "'"));
    }
}
