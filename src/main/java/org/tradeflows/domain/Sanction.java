package org.tradeflows.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A listing of a company by a sanctioning authority, in force from listedOn until endedOn. */
@Entity
@Table(name = "sanction")
public class Sanction extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "company_id", nullable = false)
    public Long companyId;
    @Column(nullable = false)
    public String authority;
    public String program;
    @Column(name = "listed_on")
    public LocalDate listedOn;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(nullable = false)
    public boolean confirmed;
    @Column(name = "source_id", nullable = false)
    public Long sourceId;
    public String note;
}
