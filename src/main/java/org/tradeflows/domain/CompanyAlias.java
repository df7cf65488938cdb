package org.tradeflows.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Another name of a company: original script, transliteration, abbreviation or former name. */
@Entity
@Table(name = "company_alias")
public class CompanyAlias extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "company_id", nullable = false)
    public Long companyId;
    @Column(nullable = false)
    public String alias;
    @Column(nullable = false)
    public String kind;
    @Column(name = "source_id")
    public Long sourceId;
}
