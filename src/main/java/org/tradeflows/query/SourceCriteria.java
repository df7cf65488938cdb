package org.tradeflows.query;

import java.util.List;
import org.tradeflows.model.SourceKind;
import org.tradeflows.model.SyntheticChoice;

/**
 * What a selection of sources asks for, as the store renders it (SourceStore.where); the GraphQL input
 * input/SourceFilter is one way of giving it. Null means "any".
 */
public interface SourceCriteria extends SyntheticChoice {

    List<SourceKind> kinds();

    String search();
}
