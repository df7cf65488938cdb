package org.tradeflows.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A legal entity that ships or receives goods. Written by loaders and curators; read through CompanyStore. */
@Entity
@Table(name = "company")
public class Company extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String key;
    @Column(nullable = false)
    public String name;
    @Column(name = "name_original")
    public String nameOriginal;
    @Column(name = "country_code")
    public String countryCode;
    public String city;
    @Column(name = "special_economic_zone")
    public String specialEconomicZone;
    public String description;
    @Column(name = "merged_into_id")
    public Long mergedIntoId;
    @Column(name = "source_id")
    public Long sourceId;
    @Column(name = "release_id")
    public Long releaseId;
}
