package org.tradeflows.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registry identifier of a company (INN, OGRN, KPP, unified social credit code, LEI, ...). */
@Entity
@Table(name = "company_identifier")
public class CompanyIdentifier extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "company_id", nullable = false)
    public Long companyId;
    @Column(nullable = false)
    public String scheme;
    @Column(nullable = false)
    public String value;
    @Column(name = "source_id")
    public Long sourceId;
}
