package cn.hotline.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the category catalogue shared with routing. */
@Entity
@Table(name = "category")
public class Category {

    @Id
    public String code;

    public String name;

    @Column(name = "parent_code")
    public String parentCode;
}
