package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What a change in the audit trail did.")
public enum AuditAction {
    @Description("Changed fields of a company.")
    UPDATE_COMPANY,
    @Description("Added another name of a company.")
    ADD_ALIAS,
    @Description("Removed another name of a company.")
    REMOVE_ALIAS,
    @Description("Added a registry identifier to a company.")
    ADD_IDENTIFIER,
    @Description("Removed a registry identifier from a company.")
    REMOVE_IDENTIFIER,
    @Description("Merged one company into another; undoMerge reverts it.")
    MERGE_COMPANIES,
    @Description("Reverted a merge.")
    UNDO_MERGE,
    @Description("Recorded a sanctions listing.")
    RECORD_SANCTION,
    @Description("Ended a sanctions listing.")
    END_SANCTION,
    @Description("Set the source of a record.")
    ATTACH_SOURCE,
    @Description("Recorded a new source.")
    CREATE_SOURCE,
    @Description("Created an API key.")
    CREATE_API_KEY,
    @Description("Revoked an API key.")
    REVOKE_API_KEY,
    @Description("Registered a persisted query (a GraphQL document sent by its hash and cited by its permalink).")
    REGISTER_PERSISTED_QUERY,
    @Description("Made a webhook: a URL sent a signed POST when a persisted query's answer changes.")
    CREATE_WEBHOOK,
    @Description("Deleted a webhook.")
    DELETE_WEBHOOK
}
