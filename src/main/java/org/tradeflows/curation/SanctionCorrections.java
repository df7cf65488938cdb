package org.tradeflows.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;
import org.tradeflows.api.types.SanctionEnd;
import org.tradeflows.api.types.SanctionInput;
import org.tradeflows.domain.Company;
import org.tradeflows.domain.Sanction;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.GlobalId;
import org.tradeflows.security.AuditTrail;

/** Records sanctions listings and their end, each with an audit entry in the same transaction. */
@ApplicationScoped
@Transactional
public class SanctionCorrections {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Lookups lookups;
    private final AuditTrail audit;

    public SanctionCorrections(Lookups lookups, AuditTrail audit) {
        this.lookups = lookups;
        this.audit = audit;
    }

    public org.tradeflows.api.types.Sanction record(SanctionInput input) {
        Company c = lookups.liveCompany("input.companyId", input.companyId());
        Sanction s = new Sanction();
        s.companyId = c.id;
        s.authority = input.authority().name();
        s.program = Inputs.optional("input.program", input.program(), 200);
        s.program = s.program == null || s.program.isEmpty() ? null : s.program;
        s.listedOn = date("input.listedOn", input.listedOn());
        s.endedOn = date("input.endedOn", input.endedOn());
        if (s.listedOn != null && s.endedOn != null && s.endedOn.isBefore(s.listedOn)) {
            throw new BadUserInputException("input.endedOn: " + s.endedOn + " is before the listing date " + s.listedOn);
        }
        s.confirmed = input.confirmed() == null || input.confirmed();
        s.sourceId = lookups.source("input.sourceId", input.sourceId()).id;
        s.note = Inputs.optional("input.note", input.note(), 2000);
        Sanction same = Sanction.<Sanction>find("companyId = ?1 and authority = ?2 and coalesce(program, '') = ?3 "
                + "and coalesce(listedOn, ?4) = ?5", c.id, s.authority, s.program == null ? "" : s.program, EARLIEST.minusYears(1000),
                s.listedOn == null ? EARLIEST.minusYears(1000) : s.listedOn).firstResult();
        if (same != null) {
            throw new BadUserInputException("input: the company already has this listing (" + GlobalId.of("Sanction", same.id)
                    + "); to end it use endSanction");
        }
        s.persistAndFlush();
        audit.record(AuditAction.RECORD_SANCTION, "Sanction", s.id, null, Records.snapshot(s));
        return Records.sanction(s);
    }

    public org.tradeflows.api.types.Sanction end(SanctionEnd input) {
        Sanction s = lookups.sanction("input.sanctionId", input.sanctionId());
        LocalDate ended = date("input.endedOn", input.endedOn());
        if (s.endedOn != null) {
            throw new BadUserInputException("input.sanctionId: the listing already ended on " + s.endedOn);
        }
        if (s.listedOn != null && ended.isBefore(s.listedOn)) {
            throw new BadUserInputException("input.endedOn: " + ended + " is before the listing date " + s.listedOn);
        }
        Map<String, Object> before = Records.snapshot(s);
        s.endedOn = ended;
        s.flush();
        audit.record(AuditAction.END_SANCTION, "Sanction", s.id, before, Records.snapshot(s));
        return Records.sanction(s);
    }

    private static LocalDate date(String field, LocalDate d) {
        if (d != null && (d.isBefore(EARLIEST) || d.isAfter(LATEST))) {
            throw new BadUserInputException(field + ": " + d + " is not a date between 1900 and 2100");
        }
        return d;
    }
}
