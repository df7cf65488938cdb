package org.tradeflows.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.tradeflows.api.types.AttachedSource;
import org.tradeflows.api.types.SourceAttachment;
import org.tradeflows.api.types.SourceInput;
import org.tradeflows.domain.Source;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;
import org.tradeflows.security.AuditTrail;

/** Records new sources and attaches a source to a record, each with an audit entry. */
@ApplicationScoped
@Transactional
public class SourceCorrections {

    private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,99}$");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s]+$");

    private final Lookups lookups;
    private final SourceLinkSql links;
    private final AuditTrail audit;

    public SourceCorrections(Lookups lookups, SourceLinkSql links, AuditTrail audit) {
        this.lookups = lookups;
        this.links = links;
        this.audit = audit;
    }

    public org.tradeflows.api.types.Source create(SourceInput input) {
        String key = Inputs.required("input.key", input.key(), 100);
        if (!KEY.matcher(key).matches()) {
            throw new BadUserInputException("input.key: '" + Printable.of(key) + "' must be lower-case letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
        if (Source.count("key", key) > 0) {
            throw new BadUserInputException("input.key: a source with the key '" + key + "' exists already");
        }
        Source s = new Source();
        s.key = key;
        s.title = Inputs.required("input.title", input.title(), 500);
        s.publisher = blankToNull(Inputs.optional("input.publisher", input.publisher(), 300));
        s.url = blankToNull(Inputs.optional("input.url", input.url(), 2000));
        if (s.url != null && !URL.matcher(s.url).matches()) {
            throw new BadUserInputException("input.url: '" + Printable.of(s.url) + "' is not an http or https address");
        }
        s.publishedOn = input.publishedOn();
        s.kind = input.kind().name();
        s.licence = blankToNull(Inputs.optional("input.licence", input.licence(), 300));
        s.citation = Inputs.required("input.citation", input.citation(), 2000);
        s.note = blankToNull(Inputs.optional("input.note", input.note(), 2000));
        s.persistAndFlush();
        audit.record(AuditAction.CREATE_SOURCE, "Source", s.id, null, Records.snapshot(s));
        return Records.source(s);
    }

    public AttachedSource attach(SourceAttachment input) {
        Source source = lookups.source("input.sourceId", input.sourceId());
        GlobalId record;
        try {
            record = GlobalId.parse(input.recordId());
        } catch (BadUserInputException e) {
            throw new BadUserInputException("input.recordId: " + e.getMessage());
        }
        SourceLinkSql.Kind kind = SourceLinkSql.Kind.of(record.type()).orElseThrow(() -> new BadUserInputException(
                "input.recordId: a " + record.type() + " has no source to attach; records with a source are Company, "
                        + "Sanction, Finding and TradeVolume"));
        long id = lookups.key("input.recordId", input.recordId(), record.type());
        SourceLinkSql.Link before = links.lock(kind, id)
                .orElseThrow(() -> new NotFoundException("input.recordId: no " + record.type() + " with the id '" + input.recordId() + "'"));
        links.set(kind, id, source.id);
        audit.record(AuditAction.ATTACH_SOURCE, record.type(), id, sourceOf(before.sourceId()), sourceOf(source.id));
        Source previous = before.sourceId() == null ? null : Source.findById(before.sourceId());
        return new AttachedSource(input.recordId(), Records.source(source), previous == null ? null : Records.source(previous));
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
