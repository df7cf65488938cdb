package org.tradeflows.input;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.model.AuditAction;

@Input("AuditFilter")
@Description("Filter for audit entries; all given conditions must hold.")
public record AuditFilter(
        @Id @Description("Only changes of this record (a global id, e.g. of a Company).") String recordId,
        @Description("Only these kinds of change.") List<AuditAction> actions,
        @Description("Only changes by this actor, exactly as shown in `actor`.") String actor) {
}
