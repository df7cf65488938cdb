package org.tradeflows.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.tradeflows.domain.Company;
import org.tradeflows.domain.Sanction;
import org.tradeflows.domain.Source;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.NotFoundException;

/** Finds the records a correction names by global id, locked for the transaction; errors name the input field. */
@ApplicationScoped
public class Lookups {

    public long key(String field, String id, String type) {
        try {
            return GlobalId.numeric(id, type, field);
        } catch (BadUserInputException e) {
            throw e.getMessage().startsWith(field) ? e : new BadUserInputException(field + ": " + e.getMessage());
        }
    }

    /** A company that has not been merged into another (corrections go to the survivor). */
    public Company liveCompany(String field, String id) {
        Company c = Company.findById(key(field, id, "Company"), LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new NotFoundException(field + ": no company with the id '" + id + "'");
        }
        if (c.mergedIntoId != null) {
            throw new BadUserInputException(field + ": the company was merged into " + GlobalId.of("Company", c.mergedIntoId)
                    + "; correct that one, or undo the merge first");
        }
        return c;
    }

    public Source source(String field, String id) {
        Source s = Source.findById(key(field, id, "Source"));
        if (s == null) {
            throw new NotFoundException(field + ": no source with the id '" + id + "'");
        }
        return s;
    }

    public Long optionalSourceId(String field, String id) {
        return id == null ? null : source(field, id).id;
    }

    public Sanction sanction(String field, String id) {
        Sanction s = Sanction.findById(key(field, id, "Sanction"), LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new NotFoundException(field + ": no sanction with the id '" + id + "'");
        }
        return s;
    }
}
