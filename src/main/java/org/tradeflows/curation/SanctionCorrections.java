package org.tradeflows.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CompanyRecord;
import org.tradeflows.model.Corrections;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.SanctionRecord;
import org.tradeflows.security.AuditTrail;
import org.tradeflows.store.SanctionStore;

/** Records sanctions listings and their end, each with an audit entry in the same transaction. */
@ApplicationScoped
@Transactional
public class SanctionCorrections {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Lookups lookups;
    private final SanctionStore sanctions;
    private final AuditTrail audit;

    public SanctionCorrections(Lookups lookups, SanctionStore sanctions, AuditTrail audit) {
        this.lookups = lookups;
        this.sanctions = sanctions;
        this.audit = audit;
    }

    public SanctionRecord record(Corrections.NewSanction input) {
        CompanyRecord c = lookups.liveCompany("input.companyId", input.companyId());
        String program = Inputs.optional("input.program", input.program(), 200);
        program = program == null || program.isEmpty() ? null : program;
        LocalDate listedOn = date("input.listedOn", input.listedOn());
        LocalDate endedOn = date("input.endedOn", input.endedOn());
        if (listedOn != null && endedOn != null && endedOn.isBefore(listedOn)) {
            throw new BadUserInputException("input.endedOn: " + endedOn + " is before the listing date " + listedOn);
        }
        boolean confirmed = input.confirmed() == null || input.confirmed();
        long sourceId = lookups.source("input.sourceId", input.sourceId()).id();
        String note = Inputs.optional("input.note", input.note(), 2000);
        sanctions.sameListing(c.id(), input.authority(), program, listedOn).ifPresent(same -> {
            throw new BadUserInputException("input: the company already has this listing (" + GlobalId.of("Sanction",
                    same)
                    + "); to end it use endSanction");
        });
        SanctionRecord s = sanctions.insert(new SanctionRecord(0, input.authority(), program, listedOn, endedOn,
                confirmed,
                note, c.id(), sourceId));
        audit.record(AuditAction.RECORD_SANCTION, "Sanction", s.id(), null, Records.snapshot(s));
        return s;
    }

    public SanctionRecord end(Corrections.SanctionEnding input) {
        SanctionRecord s = lookups.sanction("input.sanctionId", input.sanctionId());
        LocalDate ended = date("input.endedOn", input.endedOn());
        if (s.endedOn() != null) {
            throw new BadUserInputException("input.sanctionId: the listing already ended on " + s.endedOn());
        }
        if (s.listedOn() != null && ended.isBefore(s.listedOn())) {
            throw new BadUserInputException("input.endedOn: " + ended + " is before the listing date " + s.listedOn());
        }
        sanctions.end(s.id(), ended);
        SanctionRecord after = new SanctionRecord(s.id(), s.authority(), s.program(), s.listedOn(), ended,
                s.confirmed(),
                s.note(), s.companyId(), s.sourceId());
        audit.record(AuditAction.END_SANCTION, "Sanction", s.id(), Records.snapshot(s), Records.snapshot(after));
        return after;
    }

    private static LocalDate date(String field, LocalDate d) {
        if (d != null && (d.isBefore(EARLIEST) || d.isAfter(LATEST))) {
            throw new BadUserInputException(field + ": " + d + " is not a date between 1900 and 2100");
        }
        return d;
    }
}
