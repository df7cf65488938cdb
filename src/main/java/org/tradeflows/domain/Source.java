package org.tradeflows.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Where a figure comes from: a report, a statistics release, a sanctions list, a registry. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String key;
    @Column(nullable = false)
    public String title;
    public String publisher;
    public String url;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(nullable = false)
    public String kind;
    public String licence;
    @Column(nullable = false)
    public String citation;
    public String note;
}
