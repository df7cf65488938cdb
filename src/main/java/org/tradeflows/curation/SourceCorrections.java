package org.tradeflows.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.Corrections;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;
import org.tradeflows.model.SourceRecord;
import org.tradeflows.security.AuditTrail;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.FindingStore;
import org.tradeflows.store.SanctionStore;
import org.tradeflows.store.SourceLinked;
import org.tradeflows.store.SourceStore;
import org.tradeflows.store.TradeVolumeStore;

/** Records new sources and attaches a source to a record, each with an audit entry. */
@ApplicationScoped
@Transactional
public class SourceCorrections {

    private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,99}$");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s]+$");

    private final Lookups lookups;
    /** The records that cite a source, by GraphQL type name, each through the store of its table. */
    private final Map<String, SourceLinked> linked;
    private final SourceStore sources;
    private final AuditTrail audit;

    public SourceCorrections(Lookups lookups, SourceStore sources, AuditTrail audit, CompanyStore companies,
            SanctionStore sanctions, FindingStore findings, TradeVolumeStore volumes) {
        this.lookups = lookups;
        this.linked = Map.of("Company", companies, "Sanction", sanctions, "Finding", findings, "TradeVolume", volumes);
        this.sources = sources;
        this.audit = audit;
    }

    public SourceRecord create(Corrections.NewSource input) {
        String key = Inputs.required("input.key", input.key(), 100);
        if (!KEY.matcher(key).matches()) {
            throw new BadUserInputException("input.key: '" + Printable.of(key) + "' must be lower-case letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
        if (sources.byKey(key).isPresent()) {
            throw new BadUserInputException("input.key: a source with the key '" + key + "' exists already");
        }
        String title = Inputs.required("input.title", input.title(), 500);
        String publisher = blankToNull(Inputs.optional("input.publisher", input.publisher(), 300));
        String url = blankToNull(Inputs.optional("input.url", input.url(), 2000));
        if (url != null && !URL.matcher(url).matches()) {
            throw new BadUserInputException("input.url: '" + Printable.of(url) + "' is not an http or https address");
        }
        String licence = blankToNull(Inputs.optional("input.licence", input.licence(), 300));
        String citation = Inputs.required("input.citation", input.citation(), 2000);
        String note = blankToNull(Inputs.optional("input.note", input.note(), 2000));
        SourceRecord s = sources.insert(new SourceRecord(0, key, title, publisher, url, input.publishedOn(),
                input.kind(),
                licence, citation, note));
        audit.record(AuditAction.CREATE_SOURCE, "Source", s.id(), null, Records.snapshot(s));
        return s;
    }

    public Corrections.Attached attach(Corrections.Attachment input) {
        SourceRecord source = lookups.source("input.sourceId", input.sourceId());
        GlobalId record;
        try {
            record = GlobalId.parse(input.recordId());
        } catch (BadUserInputException e) {
            throw new BadUserInputException("input.recordId: " + e.getMessage());
        }
        SourceLinked kind = Optional.ofNullable(linked.get(record.type())).orElseThrow(() -> new BadUserInputException(
                "input.recordId: a " + record.type() + " has no source to attach; records with a source are Company, "
                        + "Sanction, Finding and TradeVolume"));
        long id = lookups.key("input.recordId", input.recordId(), record.type());
        SourceLinked.Link before = kind.lockSourceLink(id)
                .orElseThrow(() -> new NotFoundException("input.recordId: no " + record.type() + " with the id '" + input.recordId() + "'"));
        kind.setSource(id, source.id());
        audit.record(AuditAction.ATTACH_SOURCE, record.type(), id, sourceOf(before.sourceId()), sourceOf(source.id()));
        SourceRecord previous = before.sourceId() == null ? null
                : sources.byIds(List.of(before.sourceId())).stream().findFirst().orElse(null);
        return new Corrections.Attached(input.recordId(), source, previous);
    }

    private static Map<String, Object> sourceOf(Long sourceId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceId", sourceId);
        return m;
    }

    private static String blankToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }
}
